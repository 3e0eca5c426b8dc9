-- A search is always within one company: a client's orders or a contractor's. The search index
-- holds each order's words twice, once prefixed with its client's key ('c' and the first 8 hex
-- digits of the id, then '_') and once with its contractor's ('k' …), so a search reads only its
-- own company's entries instead of every order's posting list of a frequent word (decision 0015).
-- The key only narrows the index; the query's company condition still decides what is seen. Both
-- functions write the key alike with built-in functions only, since PostgreSQL 17 evaluates index
-- expressions with a bare search_path.
CREATE FUNCTION work_order_scoped_search(client uuid, contractor uuid, doc tsvector) RETURNS tsvector
IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
  SELECT array_to_tsvector(array(
    SELECT k.key || word FROM unnest(tsvector_to_array(doc)) word,
      (VALUES ('c' || left(client::text, 8) || '_'), ('k' || left(contractor::text, 8) || '_')) k(key)
    WHERE k.key IS NOT NULL))
$$;
--> statement-breakpoint
-- The query's words with the same key: 'bland':* & 'kök':* → 'k1a2b3c4d_bland':* & 'k1a2b3c4d_kök':*.
-- The words come from searchTerms (letters and digits only), so no quote is inside a lexeme.
CREATE FUNCTION work_order_scoped_query(side text, org uuid, query tsquery) RETURNS tsquery
IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
  SELECT regexp_replace(query::text, '''([^'']+)''', '''' || side || left(org::text, 8) || '_\1''', 'g')::tsquery
$$;
--> statement-breakpoint
DROP INDEX "work_orders_search_idx";--> statement-breakpoint
CREATE INDEX "work_orders_scoped_search_idx" ON "work_orders" USING gin (work_order_scoped_search("client_org_id", "contractor_org_id", "search"));
--> statement-breakpoint
-- The planner needs the new expression's statistics to choose the index (no autovacuum has run yet).
ANALYZE work_orders;
