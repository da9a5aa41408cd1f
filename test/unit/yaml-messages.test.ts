import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/core/parse.js';

const problem = (text: string) => {
  const result = parseYaml(text);
  return result.ok ? 'accepted' : `${result.problem.line}:${result.problem.col} ${result.problem.message}`;
};

describe('YAML mistakes, said as what to write', () => {
  it('a colon and a space inside a plain value: quote the value, in the quotes that need no escape', () => {
    expect(problem('title: Panel: Digital HRM\ntype: webinar\n')).toBe(
      '1:8 the value of `title` holds `: `, which YAML reads as the start of another key: quote it, as `title: "Panel: Digital HRM"`',
    );
    expect(problem('speakers:\n  - name: A\n    position: Chair: "Board"\n')).toBe(
      '3:15 the value of `position` holds `: `, which YAML reads as the start of another key: quote it, as `position: \'Chair: "Board"\'`',
    );
  });

  it('a quote inside quotes of its kind: the fix in the other quotes, or escaped', () => {
    expect(problem("title: 'Hub's panel'\ntype: webinar\n")).toBe(
      "1:8 the quoted value of `title` ends at its second `'`, and text follows it: an apostrophe inside single quotes is written twice (`''`), or the text goes in double quotes, as `title: \"Hub's panel\"`",
    );
    expect(problem("quotes:\n  - speaker: a\n    text: 'It's the \"people's\" hub'\n")).toBe(
      "3:11 the quoted value of `text` ends at its second `'`, and text follows it: an apostrophe inside single quotes is written twice (`''`), or the text goes in double quotes, as `text: 'It''s the \"people''s\" hub'`",
    );
    expect(problem('title: "Panel" on HRM\n')).toBe('1:8 only the start of `title` is in quotes, and text follows them: quote the whole value, as `title: \'"Panel" on HRM\'`');
    expect(problem('title: "The "best" panel"\n')).toBe(
      '1:8 the quoted value of `title` ends at its second `"`, and text follows it: a `"` inside double quotes is written `\\"`, or the text goes in single quotes, as `title: \'The "best" panel\'`',
    );
  });

  it('a key indented off its neighbours: at the key to move, naming the one to line up with', () => {
    expect(problem('speakers:\n  - name: A\n   role: chair\n')).toBe('3:4 `role` is indented 3 spaces, but `name` above it, in the same list item, is at 4 spaces: line them up');
    expect(problem('speakers:\n  - name: A\n     role: chair\n')).toBe('3:6 `role` is indented 1 space more than `name` above it, which has a value already: line it up with `name`');
    expect(problem('title: T\n type: webinar\n')).toBe('2:2 `type` is indented 1 space more than `title` above it, which has a value already: line it up with `title`');
    expect(problem('title : T\n  type: webinar\n')).toBe('2:3 `type` is indented 2 spaces more than `title` above it, which has a value already: line it up with `title`');
  });

  it('list items whose dashes do not line up', () => {
    expect(problem('speakers:\n- name: A\n  role: chair\n - name: B\n')).toBe('4:2 this list item\'s `-` is indented 1 space, but the item above it is at 0 spaces: line up the dashes');
  });

  it('a bracket never closed, where it opens', () => {
    expect(problem('title: T\ntopics: [hrm, ethics\ntype: webinar\n')).toBe(
      '2:9 this `[` is never closed: add the closing `]` (a list written over several lines goes on indented under its key)',
    );
    expect(problem('location: {city: Astana\ntype: webinar\n')).toBe(
      '1:11 this `{` is never closed: add the closing `}` (a mapping written over several lines goes on indented under its key)',
    );
  });

  it('text pasted over two lines, the second not indented under its key', () => {
    expect(problem('title: T\nsummary: The conference gathered\nexperts from 20 countries.\ntype: webinar\n')).toBe(
      '3:1 this line has no `key:`: if it goes on with the text of `summary`, indent it further than `summary`, or join it to the line above',
    );
    expect(problem('quotes:\n  - speaker: a\n    text: We need\n    more reforms.\n')).toBe(
      '4:5 this line has no `key:`: if it goes on with the text of `text`, indent it further than `text`, or join it to the line above',
    );
    expect(problem('quotes:\n  - speaker: a\n    text: We need\n  more reforms.\n')).toBe(
      '4:3 this line has no `key:`: if it goes on with the text of `text`, indent it further than `text`, or join it to the line above',
    );
    expect(problem('summary: |\n  Line one\nline two\n')).toBe('3:1 this line has no `key:`: if it goes on with the text of `summary`, indent it as its other lines are');
  });

  it('a key glued to its value', () => {
    expect(problem('title:Panel\ntype: webinar\n')).toBe('1:1 a key needs a space after its colon: write `title: Panel`');
  });

  it('keeps the parser\'s words where no reading of the line fits', () => {
    expect(problem('- a\nb: c\n')).toMatch(/^2:1 YAML syntax: /);
    expect(problem('a: b: c: d\n')).toBe('1:4 the value of `a` holds `: `, which YAML reads as the start of another key: quote it, as `a: "b: c: d"`');
  });
});
