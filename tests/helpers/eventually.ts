/** Resolves once `condition` holds, checking every few milliseconds; for states another party reaches (a request arriving at the emulator). */
export async function until(condition: () => boolean): Promise<void> {
    while (!condition()) {
        await new Promise((resolve) => setTimeout(resolve, 5));
    }
}
