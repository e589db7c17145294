export const CLI_SOURCES: string[];
export const CLI_BUNDLE: string;
export function cliBundleIsFresh(root: string): boolean;
