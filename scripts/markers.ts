/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` of a markdown page. */
export function replaceBetweenMarkers(page: string, name: string, content: string): string {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const from = page.indexOf(start);
    const to = page.indexOf(end);
    if (from < 0 || to < from) {
        throw new Error(`the page has no ${start} ... ${end} markers`);
    }
    return `${page.slice(0, from + start.length)}\n${content}${page.slice(to)}`;
}
