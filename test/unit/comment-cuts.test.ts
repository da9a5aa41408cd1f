import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeCommentCut, findCommentCuts } from '../../src/core/comment-cuts.js';

const cutsIn = (text: string) => findCommentCuts(text, parse(text)).map((cut) => `${cut.line}:${cut.col} ${describeCommentCut(cut)}`);

describe('values a glued # cut short', () => {
  it('are found in free text, at the #, with the value quoted as the fix', () => {
    expect(cutsIn('title: Top #10 reforms\ntype: webinar\nquotes:\n  - speaker: a\n    text: Join us at #GovTech, said she\n')).toEqual([
      '1:12 `#10 reforms` is read as a YAML comment, so `title` is `Top`: if it belongs to the text, quote the value, as `title: "Top #10 reforms"`',
      '5:22 `#GovTech, said she` is read as a YAML comment, so `text` is `Join us at`: if it belongs to the text, quote the value, as `text: "Join us at #GovTech, said she"`',
    ]);
    expect(cutsIn('title: The "best" #1\n')).toEqual([
      '1:19 `#1` is read as a YAML comment, so `title` is `The "best"`: if it belongs to the text, quote the value, as `title: \'The "best" #1\'`',
    ]);
  });

  it('leave comments written as comments, and values where # is text', () => {
    expect(cutsIn('title: Forum # the second one\n# yaml-language-server: x\n#notes: commented out\n')).toEqual([]);
    expect(cutsIn('title: "Top #10"\ntheme: \'#GovTech\'\nsummary: |\n  We are #1.\n  And #2 too.\nnotes: Hub#1 is glued\n')).toEqual([]);
    expect(cutsIn('summary: >-\n  Ranked #1\ntitle: T\n')).toEqual([]);
  });

  it('leave notes after dates, codes and numbers, where quoting would break the value', () => {
    expect(cutsIn('start: 2020 #year only\ncountry: KZ #host\ntopics:\n  - hrm #1\nattendance: {participants: 250}\n')).toEqual([]);
  });

  it('do not look at the data of a text with no glued # (nearly every record)', () => {
    const untouchable = new Proxy({}, { ownKeys: () => { throw new Error('the data was read'); } });
    expect(findCommentCuts('title: T # a comment\n', untouchable)).toEqual([]);
    expect(() => findCommentCuts('title: T #1\n', untouchable)).toThrow('the data was read');
  });
});
