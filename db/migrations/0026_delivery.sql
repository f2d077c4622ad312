CREATE TABLE "delivery_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"source" text NOT NULL,
	"event_id" text NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"outcome" text,
	"rework" boolean DEFAULT false NOT NULL,
	"subject" text,
	"committed_at" timestamp with time zone,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_events_source_event_key" UNIQUE("organisation_id","source","event_id"),
	CONSTRAINT "delivery_events_source_check" CHECK ("delivery_events"."source" in ('stave', 'cdevents', 'github', 'pagerduty')),
	CONSTRAINT "delivery_events_kind_check" CHECK ("delivery_events"."kind" in ('deployment', 'change', 'incident_detected', 'incident_resolved')),
	CONSTRAINT "delivery_events_shape_check" CHECK (("delivery_events"."kind" = 'deployment' and "delivery_events"."outcome" is not null and "delivery_events"."subject" is null) or ("delivery_events"."kind" <> 'deployment' and "delivery_events"."outcome" is null and "delivery_events"."subject" is not null and not "delivery_events"."rework"))
);
--> statement-breakpoint
CREATE TABLE "delivery_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"team_id" uuid,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_services_name_key" UNIQUE("organisation_id","name")
);
--> statement-breakpoint
CREATE TABLE "delivery_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"secret" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_sources_kind_key" UNIQUE("organisation_id","kind"),
	CONSTRAINT "delivery_sources_kind_check" CHECK ("delivery_sources"."kind" in ('github', 'pagerduty'))
);
--> statement-breakpoint
ALTER TABLE "api_tokens" DROP CONSTRAINT "api_tokens_scopes_check";--> statement-breakpoint
ALTER TABLE "delivery_events" ADD CONSTRAINT "delivery_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_events" ADD CONSTRAINT "delivery_events_service_id_delivery_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."delivery_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_services" ADD CONSTRAINT "delivery_services_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_services" ADD CONSTRAINT "delivery_services_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_sources" ADD CONSTRAINT "delivery_sources_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_sources" ADD CONSTRAINT "delivery_sources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delivery_events_service_idx" ON "delivery_events" USING btree ("service_id","occurred_at");--> statement-breakpoint
CREATE INDEX "delivery_services_team_idx" ON "delivery_services" USING btree ("team_id");--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_scopes_check" CHECK ("api_tokens"."scopes" <@ array['read', 'read:notes', 'events:write']::text[] and 'read' = any("api_tokens"."scopes"));