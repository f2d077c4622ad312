ALTER TABLE "model_versions" DROP CONSTRAINT "model_versions_model_version_key";--> statement-breakpoint
ALTER TABLE "model_versions" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "model_versions" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "model_versions" ADD COLUMN "published_by" uuid;--> statement-breakpoint
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_owner_model_version_key" UNIQUE NULLS NOT DISTINCT("organisation_id","model_id","version");