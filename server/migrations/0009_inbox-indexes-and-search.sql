DROP INDEX "work_orders_contractor_list_idx";--> statement-breakpoint
DROP INDEX "work_orders_client_list_idx";--> statement-breakpoint
ALTER TABLE "work_orders" drop column "search";--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('swedish'::regconfig,
  number::text || ' ' || translate(coalesce(external_ref, ''), '-/.', '   ') || ' ' || coalesce(object_number, '') || ' ' ||
  description || ' ' || coalesce(phrase, '') || ' ' || property_name || ' ' || coalesce(owner_name, '') || ' ' ||
  street || ' ' || coalesce(city, '') || ' ' || reporter_name)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "work_orders_contractor_order_idx" ON "work_orders" USING btree ("contractor_org_id","ordered_at" DESC NULLS LAST,"created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "work_orders_client_order_idx" ON "work_orders" USING btree ("client_org_id","ordered_at" DESC NULLS LAST,"created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "work_orders_contractor_active_idx" ON "work_orders" USING btree ("contractor_org_id","ordered_at" DESC NULLS LAST,"created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "work_orders"."status" in ('new', 'accepted', 'material_ordered', 'reporter_unreachable');--> statement-breakpoint
CREATE INDEX "work_orders_client_active_idx" ON "work_orders" USING btree ("client_org_id","ordered_at" DESC NULLS LAST,"created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "work_orders"."status" in ('draft', 'new', 'accepted', 'material_ordered', 'reporter_unreachable');--> statement-breakpoint
CREATE INDEX "work_orders_contractor_closed_idx" ON "work_orders" USING btree ("contractor_org_id","closed_at","client_org_id","status","type");--> statement-breakpoint
-- Dropping the column dropped its index; the search goes through it again.
CREATE INDEX "work_orders_search_idx" ON "work_orders" USING gin ("search");
