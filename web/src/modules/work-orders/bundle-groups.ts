/** A bundle's orders on the page, or (bundle null) the orders that share a bundle with no other. */
export type BundleGroup<T> = { bundle: string | null; items: T[] };

/**
 * Groups the orders on a page by Buntnummer, as Familjebostäder's list does (step 4): orders that
 * share a bundle together, each bundle where its first order stands; the orders alone on their
 * object that day last, one by one, in the list's order.
 */
export function groupByBundle<T extends { bundleNumber: string | null }>(items: T[]): BundleGroup<T>[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    if (item.bundleNumber) counts.set(item.bundleNumber, (counts.get(item.bundleNumber) ?? 0) + 1);
  }
  const groups = new Map<string, BundleGroup<T>>();
  const alone: T[] = [];
  for (const item of items) {
    const bundle = item.bundleNumber;
    if (!bundle || (counts.get(bundle) ?? 0) < 2) {
      alone.push(item);
      continue;
    }
    let group = groups.get(bundle);
    if (!group) {
      group = { bundle, items: [] };
      groups.set(bundle, group);
    }
    group.items.push(item);
  }
  const result = [...groups.values()];
  if (alone.length) result.push({ bundle: null, items: alone });
  return result;
}
