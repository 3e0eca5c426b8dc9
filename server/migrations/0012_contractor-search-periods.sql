-- A contractor's search read every order it ever had with the words, then dropped the closed ones
-- its agreements' windows no longer show: at a million orders, 4 414 orders read for 865 kept
-- (decision 0017). The contractor's key in the search index now also carries the 30-day period in
-- which the order closed ('o' while open), and a contractor's search asks only for the open orders
-- and the periods from its longest window's first day on. The periods only narrow the index; the
-- window in the query still decides what is seen. The period is counted from the epoch, so it does
-- not depend on the session's time zone (an index expression must not).
CREATE FUNCTION work_order_scoped_search(client uuid, contractor uuid, closed timestamptz, doc tsvector)
RETURNS tsvector IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
  SELECT array_to_tsvector(array(
    SELECT k.key || word FROM unnest(tsvector_to_array(doc)) word,
      (VALUES ('c' || left(client::text, 8) || '_'),
              ('k' || left(contractor::text, 8)
                 || coalesce('p' || floor(extract(epoch FROM closed) / 2592000)::int::text, 'o') || '_')) k(key)
    WHERE k.key IS NOT NULL))
$$;
--> statement-breakpoint
-- A contractor's query: its words with the key of each period from `since` to `until`, and of the
-- open orders, any of them: 'bland':* → 'k1a2b3c4do_bland':* | 'k1a2b3c4dp687_bland':* | …
CREATE FUNCTION work_order_contractor_query(org uuid, since timestamptz, until timestamptz, query tsquery)
RETURNS tsquery IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
  SELECT string_agg('(' || regexp_replace(query::text, '''([^'']+)''',
      '''k' || left(org::text, 8) || p.key || '_\1''', 'g') || ')', ' | ')::tsquery
  FROM (SELECT 'o' UNION ALL
        SELECT 'p' || n FROM generate_series(floor(extract(epoch FROM since) / 2592000)::int,
                                             floor(extract(epoch FROM until) / 2592000)::int) n) p(key)
$$;
--> statement-breakpoint
DROP INDEX "work_orders_scoped_search_idx";--> statement-breakpoint
-- Without GIN's pending list: a search reads all of the list, and a day's writes at a million orders
-- made it 441 pages, which tripled a contractor's search until the next vacuum.
CREATE INDEX "work_orders_scoped_search_idx" ON "work_orders" USING gin (work_order_scoped_search("client_org_id", "contractor_org_id", "closed_at", "search")) WITH (fastupdate=false);--> statement-breakpoint
DROP FUNCTION work_order_scoped_search(uuid, uuid, tsvector);--> statement-breakpoint
-- The planner needs the new expression's statistics to choose the index.
ANALYZE work_orders;
