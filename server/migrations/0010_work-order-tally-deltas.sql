CREATE TABLE "work_order_tally_deltas" (
	"client_org_id" uuid NOT NULL,
	"contractor_org_id" uuid,
	"status" text NOT NULL,
	"type" text NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "work_order_tally_deltas_client_idx" ON "work_order_tally_deltas" USING btree ("client_org_id");--> statement-breakpoint
CREATE INDEX "work_order_tally_deltas_contractor_idx" ON "work_order_tally_deltas" USING btree ("contractor_org_id","status");--> statement-breakpoint
-- The tallies with their changes not yet folded in; readers sum n per key (decision 0014).
CREATE VIEW work_order_counts AS
  SELECT client_org_id, contractor_org_id, status, type, n FROM work_order_tallies
  UNION ALL
  SELECT client_org_id, contractor_org_id, status, type, n FROM work_order_tally_deltas;
--> statement-breakpoint
-- Moves every committed change (and the caller's own) into the tallies, one upsert per key in key
-- order. Only the holder of the fold's advisory lock calls it, so the tally rows have one writer.
CREATE FUNCTION fold_work_order_tally_deltas() RETURNS void LANGUAGE sql AS $$
  WITH folded AS (
    DELETE FROM work_order_tally_deltas RETURNING client_org_id, contractor_org_id, status, type, n
  )
  INSERT INTO work_order_tallies (client_org_id, contractor_org_id, status, type, n)
  SELECT client_org_id, contractor_org_id, status, type, sum(n)::integer FROM folded
  GROUP BY client_org_id, contractor_org_id, status, type
  HAVING sum(n) <> 0
  ORDER BY client_org_id, contractor_org_id, status, type
  ON CONFLICT ON CONSTRAINT work_order_tallies_key DO UPDATE SET n = work_order_tallies.n + excluded.n
$$;
--> statement-breakpoint
-- Every insert, delete and counted change of an order adds its -1 and +1 as delta rows, which no
-- other write waits for (before, concurrent moves between the same statuses queued on the same
-- tally rows until each other's commit). The write that gets the fold's advisory lock without
-- waiting folds what has gathered; the others go on, and their deltas are folded by a later write.
CREATE OR REPLACE FUNCTION work_order_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO work_order_tally_deltas VALUES (NEW.client_org_id, NEW.contractor_org_id, NEW.status, NEW.type, 1);
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO work_order_tally_deltas VALUES (OLD.client_org_id, OLD.contractor_org_id, OLD.status, OLD.type, -1);
  ELSIF (OLD.client_org_id, OLD.contractor_org_id, OLD.status, OLD.type)
        IS DISTINCT FROM (NEW.client_org_id, NEW.contractor_org_id, NEW.status, NEW.type) THEN
    INSERT INTO work_order_tally_deltas VALUES
      (OLD.client_org_id, OLD.contractor_org_id, OLD.status, OLD.type, -1),
      (NEW.client_org_id, NEW.contractor_org_id, NEW.status, NEW.type, 1);
  ELSE
    RETURN NULL;
  END IF;
  -- 7301: the fold's lock (any constant; only this function and refresh_work_order_tallies use it).
  IF pg_try_advisory_xact_lock(7301) THEN
    PERFORM fold_work_order_tally_deltas();
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Counts everything again (after a bulk load with the trigger off). The share lock on the orders
-- waits for their writers to finish and holds new ones back, so no delta is made meanwhile.
CREATE OR REPLACE FUNCTION refresh_work_order_tallies() RETURNS void LANGUAGE sql AS $$
  LOCK TABLE work_orders IN SHARE MODE;
  DELETE FROM work_order_tally_deltas;
  DELETE FROM work_order_tallies;
  INSERT INTO work_order_tallies (client_org_id, contractor_org_id, status, type, n)
  SELECT client_org_id, contractor_org_id, status, type, count(*)::integer
  FROM work_orders GROUP BY client_org_id, contractor_org_id, status, type;
$$;
--> statement-breakpoint
DROP FUNCTION work_order_tally_add(uuid, uuid, text, text, integer);
