/** Items as the language lists them: "A, B, and C", "A、B和C", "أ وب وج". */
export function formatList(items: readonly string[], language: string): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}
