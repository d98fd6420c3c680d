/** A BCP 47 language tag as sources declare it (`en`, `ja`, `zh-Hant`, `pt-BR`), within the schema's 35 characters. */
export function isLanguageTag(tag: string): boolean {
  return tag.length <= 35 && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(tag);
}
