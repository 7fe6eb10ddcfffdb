import { DEFAULT_ENVIRONMENT } from './types';

/** Thrown for a deploy tag pattern we cannot read; the message says what to change. */
export class TagPatternError extends Error {
  override readonly name = 'TagPatternError';
}

/**
 * A compiled deploy tag glob.
 *
 * Syntax: `*` matches any run of characters except `/`, `**` matches anything (including `/`),
 * `?` one character except `/`; everything else is literal. The environment is what the FIRST
 * wildcard matched when the pattern has two or more (with the default pattern, tag `deploy/prod/42` is
 * environment `prod`);
 * a pattern with a single wildcard (`deploy-*`) names no environment, so its deploys all belong
 * to {@link DEFAULT_ENVIRONMENT} and are ordered together.
 */
export interface TagPattern {
  source: string;
  /** The argument for `git for-each-ref`: `refs/tags/<glob>`. git's match is looser (its `*` crosses `/`); {@link matchTag} decides. */
  refGlob: string;
  /** The environment for a tag name (without `refs/tags/`), or undefined when it does not match. */
  matchTag(tag: string): string | undefined;
}

export function compileTagPattern(pattern: string): TagPattern {
  const source = pattern.trim().replace(/^refs\/tags\//, '');
  if (source === '') throw new TagPatternError('the deploy tag pattern is empty');
  // Characters git forbids in ref names can never match a tag; refusing them also keeps the
  // glob we hand to git free of classes and escapes whose meaning would differ from ours.
  if (/[\s\x00-\x1f\x7f[\]\\^~:]/.test(source) || source.startsWith('-') || source.startsWith('/') || source.includes('..')) {
    throw new TagPatternError(`the deploy tag pattern "${pattern}" may only use letters, digits, / . _ - and the wildcards * ** ?`);
  }
  const tokens = source.match(/\*\*|\*|\?|[^*?]+/g) ?? [];
  const wildcards = tokens.filter((t) => t === '*' || t === '**').length;
  if (wildcards === 0) throw new TagPatternError(`the deploy tag pattern "${pattern}" has no * wildcard, so it can match only one tag`);
  let firstGroup = -1;
  let group = 0;
  const body = tokens
    .map((t) => {
      if (t === '**') return wildcard('.*');
      if (t === '*') return wildcard('[^/]*');
      if (t === '?') return '[^/]';
      return t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  function wildcard(re: string): string {
    if (firstGroup < 0) firstGroup = group;
    group++;
    return `(${re})`;
  }
  const regex = new RegExp(`^${body}$`);
  const namesEnvironment = wildcards >= 2;
  return {
    source,
    refGlob: `refs/tags/${source.replace(/\*\*/g, '*')}`,
    matchTag(tag: string): string | undefined {
      const m = regex.exec(tag);
      if (!m) return undefined;
      if (!namesEnvironment) return DEFAULT_ENVIRONMENT;
      const env = m[firstGroup + 1];
      return env === '' ? undefined : env;
    },
  };
}
