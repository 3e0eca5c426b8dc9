ALTER TABLE "agreements" ADD COLUMN "completed_visible_days" integer DEFAULT 180 NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "require_fault_type" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "require_root_cause" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "fault_types" jsonb DEFAULT '["Slitage","Skadegörelse","Montagefel","Materialfel","Handhavandefel","Ej fel","Garantifel"]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "root_causes" jsonb DEFAULT '["Ålder/slitage","Brukarfel","Utförandefel","Materialfel","Konstruktionsfel","Yttre påverkan","Okänd"]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "invoice_reference_template" text DEFAULT 'AO{number}' NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "invoice_marking" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "project_number" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "invoice_address" text;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "object_type" text;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "floor" text;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "unit_type" text;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "unit_is_appliance" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "unit_installed_on" date;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "unit_last_maintenance_on" date;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "reporter_move_in_on" date;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "client_contact_name" text;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "client_contact_email" text;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "client_contact_phone" text;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "bundle_number" text;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "registered_by_org_id" uuid;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('swedish'::regconfig,
  coalesce(external_ref, '') || ' ' || description || ' ' || coalesce(phrase, '') || ' ' ||
  property_name || ' ' || coalesce(owner_name, '') || ' ' || street || ' ' || coalesce(city, '') || ' ' ||
  coalesce(object_number, '') || ' ' || reporter_name)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_registered_by_org_id_organizations_id_fk" FOREIGN KEY ("registered_by_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "work_orders_bundle_idx" ON "work_orders" USING btree ("bundle_number") WHERE "work_orders"."bundle_number" is not null;--> statement-breakpoint
CREATE INDEX "work_orders_search_idx" ON "work_orders" USING gin ("search");--> statement-breakpoint
UPDATE "work_orders" SET "closed_at" = coalesce("completed_at", "updated_at") WHERE "status" in ('done', 'invoiced', 'declined', 'cancelled');
