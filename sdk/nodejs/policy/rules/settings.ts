/**
 * Fills a rule's partial configuration in from its defaults.
 */

/**
 * Returns `defaults` with every setting that `config` gives (and does not leave `undefined`)
 * put in its place, so that `checkEngineVersion(draft, { minimumVvrVersion: "8.0.5" })` keeps
 * the default deny list.
 */
export function withDefaults<C extends object>(defaults: C, config: Partial<C> | undefined): C {
    const settings: C = { ...defaults };
    for (const name of Object.keys(config ?? {}) as (keyof C)[]) {
        const value = config?.[name];
        if (value !== undefined) {
            settings[name] = value;
        }
    }
    return settings;
}
