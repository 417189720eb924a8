/** A setting's value as text: a string as it is, another value as JSON (never `[object Object]`). */
export function settingText(value: unknown): string {
    return typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
}
