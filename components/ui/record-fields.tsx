/**
 * The record a form changes and the version its reader saw: the server refuses a save over a
 * change made since, rather than silently overwriting it.
 */
export function RecordFields({ name, id, version }: { name: string; id: number | string; version: number | string }) {
  return (
    <>
      <input type="hidden" name={name} value={id} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}
