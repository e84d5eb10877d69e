/**
 * Text that can be a person's or organization's name: white space collapsed, 2–80
 * characters, a letter, no `@` (an address is not a name). Nothing otherwise.
 */
export function plainName(text: string): string | undefined {
  const name = text.replace(/\s+/g, ' ').trim();
  return name.length < 2 || name.length > 80 || name.includes('@') || !/\p{L}/u.test(name)
    ? undefined
    : name;
}
