/** Any JSON value, as found in draft labels. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
