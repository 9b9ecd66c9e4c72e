/** The materialised path of a unit: its ancestors' ids and its own, e.g. "/1/7/42/". */
export function childPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? "/"}${id}/`;
}

/** True when `path` is `rootPath` or lies below it. */
export function isWithin(path: string, rootPath: string): boolean {
  return path.startsWith(rootPath);
}

/** The ids on a path, root first: "/1/7/42/" → [1, 7, 42]. */
export function idsOnPath(path: string): number[] {
  return path.split("/").filter(Boolean).map(Number);
}
