CREATE TABLE "work_order_tallies" (
	"client_org_id" uuid NOT NULL,
	"contractor_org_id" uuid,
	"status" text NOT NULL,
	"type" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "work_order_tallies_key" UNIQUE NULLS NOT DISTINCT("client_org_id","contractor_org_id","status","type")
);
--> statement-breakpoint
CREATE INDEX "work_order_tallies_contractor_idx" ON "work_order_tallies" USING btree ("contractor_org_id","status");--> statement-breakpoint
-- Adds `delta` to one tally row, creating it when missing.
CREATE FUNCTION work_order_tally_add(p_client uuid, p_contractor uuid, p_status text, p_type text, delta integer)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO work_order_tallies (client_org_id, contractor_org_id, status, type, n)
  VALUES (p_client, p_contractor, p_status, p_type, delta)
  ON CONFLICT ON CONSTRAINT work_order_tallies_key DO UPDATE SET n = work_order_tallies.n + excluded.n
$$;
--> statement-breakpoint
-- Keeps work_order_tallies in step with every insert, update and delete of an order. When an order
-- moves, the two rows are touched in one fixed order (by key), so two moves in opposite directions
-- cannot deadlock on them.
CREATE FUNCTION work_order_tally() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_key text;
  new_key text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM work_order_tally_add(NEW.client_org_id, NEW.contractor_org_id, NEW.status, NEW.type, 1);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM work_order_tally_add(OLD.client_org_id, OLD.contractor_org_id, OLD.status, OLD.type, -1);
  ELSIF (OLD.client_org_id, OLD.contractor_org_id, OLD.status, OLD.type)
        IS DISTINCT FROM (NEW.client_org_id, NEW.contractor_org_id, NEW.status, NEW.type) THEN
    old_key := concat_ws('|', OLD.client_org_id, OLD.contractor_org_id, OLD.status, OLD.type);
    new_key := concat_ws('|', NEW.client_org_id, NEW.contractor_org_id, NEW.status, NEW.type);
    IF old_key < new_key THEN
      PERFORM work_order_tally_add(OLD.client_org_id, OLD.contractor_org_id, OLD.status, OLD.type, -1);
      PERFORM work_order_tally_add(NEW.client_org_id, NEW.contractor_org_id, NEW.status, NEW.type, 1);
    ELSE
      PERFORM work_order_tally_add(NEW.client_org_id, NEW.contractor_org_id, NEW.status, NEW.type, 1);
      PERFORM work_order_tally_add(OLD.client_org_id, OLD.contractor_org_id, OLD.status, OLD.type, -1);
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER work_orders_tally AFTER INSERT OR DELETE OR UPDATE OF client_org_id, contractor_org_id, status, type
  ON work_orders FOR EACH ROW EXECUTE FUNCTION work_order_tally();
--> statement-breakpoint
-- Counts everything again from the orders (after a bulk load with the trigger off, and now, for the
-- orders that exist before this migration).
CREATE FUNCTION refresh_work_order_tallies() RETURNS void LANGUAGE sql AS $$
  DELETE FROM work_order_tallies;
  INSERT INTO work_order_tallies (client_org_id, contractor_org_id, status, type, n)
  SELECT client_org_id, contractor_org_id, status, type, count(*)::integer
  FROM work_orders GROUP BY client_org_id, contractor_org_id, status, type;
$$;
--> statement-breakpoint
SELECT refresh_work_order_tallies();
