/**
 * File-name slugs for incident titles. Titles are free text (often pasted commit subjects),
 * so the slug must be safe on every OS: only `[a-z0-9-]`, no dots (so no `..` and no hidden
 * files), no separators, bounded length, and never a Windows device name.
 */
export const MAX_SLUG_LENGTH = 60;
const FALLBACK = 'incident';

// Letters NFKD cannot decompose into ASCII; the common Latin ones are worth keeping readable.
const TRANSLITERATIONS: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd',
  þ: 'th', Þ: 'th', ł: 'l', Ł: 'l', ı: 'i', ħ: 'h', Ħ: 'h', '&': ' and ', '@': ' at ', '+': ' plus ',
};

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

export function isWindowsReservedName(name: string): boolean {
  // Windows reserves the device name even with an extension ("nul.md") and trailing dots/spaces.
  const stem = name.replace(/[. ]+$/, '').split('.')[0] ?? '';
  return WINDOWS_RESERVED.test(stem.trim());
}

export function slugify(title: string, maxLength = MAX_SLUG_LENGTH): string {
  let text = '';
  for (const ch of title) text += TRANSLITERATIONS[ch] ?? ch;
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let slug = ascii;
  if (slug.length > maxLength) {
    const cut = slug.slice(0, maxLength);
    const lastHyphen = cut.lastIndexOf('-');
    // Prefer ending on a word boundary, unless that would throw most of the slug away.
    slug = (lastHyphen >= maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
  }
  if (slug === '') return FALLBACK;
  if (isWindowsReservedName(slug)) return `${slug}-${FALLBACK}`;
  return slug;
}
