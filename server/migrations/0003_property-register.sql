CREATE TABLE "properties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_org_id" uuid NOT NULL,
	"designation" text NOT NULL,
	"owner_name" text,
	"admin_area" text,
	"district" text,
	"street" text,
	"postal_code" text,
	"city" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_objects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_org_id" uuid NOT NULL,
	"property_id" uuid NOT NULL,
	"number" text NOT NULL,
	"type" text,
	"floor" text,
	"street" text NOT NULL,
	"postal_code" text,
	"city" text,
	"access_to_apartment" text,
	"key_info" text,
	"entry_without_tenant" boolean,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"object_id" uuid NOT NULL,
	"name" text NOT NULL,
	"code" text
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"object_id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone_home" text,
	"phone_work" text,
	"phone_other" text,
	"preferred_phone" text,
	"email" text,
	"move_in_on" date
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit_type" text,
	"is_appliance" boolean DEFAULT false NOT NULL,
	"model" text,
	"serial_number" text,
	"installed_on" date,
	"last_maintenance_on" date
);
--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "property_id" uuid;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "object_id" uuid;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "unit_id" uuid;--> statement-breakpoint
ALTER TABLE "properties" ADD CONSTRAINT "properties_client_org_id_organizations_id_fk" FOREIGN KEY ("client_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_objects" ADD CONSTRAINT "register_objects_client_org_id_organizations_id_fk" FOREIGN KEY ("client_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_objects" ADD CONSTRAINT "register_objects_property_id_properties_id_fk" FOREIGN KEY ("property_id") REFERENCES "public"."properties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_object_id_register_objects_id_fk" FOREIGN KEY ("object_id") REFERENCES "public"."register_objects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_object_id_register_objects_id_fk" FOREIGN KEY ("object_id") REFERENCES "public"."register_objects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "properties_client_designation_idx" ON "properties" USING btree ("client_org_id",lower("designation"));--> statement-breakpoint
CREATE UNIQUE INDEX "register_objects_client_number_idx" ON "register_objects" USING btree ("client_org_id","number");--> statement-breakpoint
CREATE INDEX "register_objects_property_idx" ON "register_objects" USING btree ("property_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rooms_object_name_code_idx" ON "rooms" USING btree ("object_id","name",coalesce("code", ''));--> statement-breakpoint
CREATE UNIQUE INDEX "tenants_object_name_idx" ON "tenants" USING btree ("object_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "units_room_name_idx" ON "units" USING btree ("room_id","name");--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_property_id_properties_id_fk" FOREIGN KEY ("property_id") REFERENCES "public"."properties"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_object_id_register_objects_id_fk" FOREIGN KEY ("object_id") REFERENCES "public"."register_objects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "work_orders_unit_idx" ON "work_orders" USING btree ("unit_id","completed_at") WHERE "work_orders"."unit_id" is not null;--> statement-breakpoint
CREATE INDEX "work_orders_property_idx" ON "work_orders" USING btree ("property_id") WHERE "work_orders"."property_id" is not null;