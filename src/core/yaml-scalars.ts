/*
 * What a plain (unquoted) scalar means under the YAML 1.2 core schema, which `yaml` (the
 * reference parser) applies: the rules tried in order, the first that matches decides, and
 * anything else is a string. Both fast parsers resolve plain scalars with these rules.
 */
export interface ScalarRule {
  tag: string;
  test: RegExp;
  construct: (text: string) => unknown;
}

const INFINITY = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

export const CORE_SCALAR_RULES: readonly ScalarRule[] = [
  { tag: 'tag:yaml.org,2002:null', test: /^(?:~|[Nn]ull|NULL)?$/, construct: () => null },
  { tag: 'tag:yaml.org,2002:bool', test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, construct: (s) => s[0] === 't' || s[0] === 'T' },
  {
    tag: 'tag:yaml.org,2002:int',
    test: /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/,
    construct: (s) => (s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : parseInt(s, 10)),
  },
  {
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/,
    construct: (s) => {
      if (INFINITY.test(s)) return s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
      if (NAN.test(s)) return Number.NaN;
      return parseFloat(s);
    },
  },
];

/** The value of a plain scalar under the core schema. */
export function resolvePlainScalar(text: string): unknown {
  // A match starts with a digit, a sign, a dot, `~`, or the first letter of null, true or
  // false (or is empty): most text is a string, decided on its first character.
  const first = text.charCodeAt(0);
  if (first >= 0x41 && first !== 0x4e && first !== 0x6e && first !== 0x54 && first !== 0x74 && first !== 0x46 && first !== 0x66 && first !== 0x7e) return text;
  for (const rule of CORE_SCALAR_RULES) {
    if (rule.test.test(text)) return rule.construct(text);
  }
  return text;
}
