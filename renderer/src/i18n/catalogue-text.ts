// A catalogue item's words in the UI's language, by its id, else what the server sent.
type T = (key: string, opts?: Record<string, unknown>) => string;

export function catalogueText(t: T, id: string, field: 'name' | 'description' | 'terms', fromServer: string): string {
  return t(`docs.catalogue.${id}.${field}`, { defaultValue: fromServer });
}
