CREATE TABLE "workshop_agreements" (
	"workshop_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"area_id" text NOT NULL,
	"from_score" double precision,
	"target_level" integer NOT NULL,
	"due_on" date NOT NULL,
	"actions" jsonb NOT NULL,
	"agreed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"agreed_by" uuid,
	"applied_at" timestamp with time zone,
	CONSTRAINT "workshop_agreements_actions_check" CHECK (jsonb_typeof("workshop_agreements"."actions") = 'array' and jsonb_array_length("workshop_agreements"."actions") between 1 and 3)
);
--> statement-breakpoint
ALTER TABLE "workshop_agreements" ADD CONSTRAINT "workshop_agreements_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_agreements" ADD CONSTRAINT "workshop_agreements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_agreements" ADD CONSTRAINT "workshop_agreements_agreed_by_users_id_fk" FOREIGN KEY ("agreed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workshop_agreements_organisation_idx" ON "workshop_agreements" USING btree ("organisation_id");