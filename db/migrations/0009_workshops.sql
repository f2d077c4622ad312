CREATE TABLE "workshop_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workshop_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text,
	"token_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshop_participants_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "workshop_questions" (
	"workshop_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"consensus_kind" text,
	"consensus_level" integer,
	"note" text,
	"private_note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshop_questions_workshop_id_question_id_pk" PRIMARY KEY("workshop_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "workshop_votes" (
	"workshop_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"round" integer NOT NULL,
	"kind" text NOT NULL,
	"level" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshop_votes_participant_id_question_id_round_pk" PRIMARY KEY("participant_id","question_id","round"),
	CONSTRAINT "workshop_votes_kind_check" CHECK (("workshop_votes"."kind" = 'level') = ("workshop_votes"."level" is not null))
);
--> statement-breakpoint
CREATE TABLE "workshops" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"join_code" text NOT NULL,
	"anonymity" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"phase" text DEFAULT 'voting' NOT NULL,
	"question_id" text NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"auto_reveal" boolean DEFAULT true NOT NULL,
	"timer_ends_at" timestamp with time zone,
	"version" bigint DEFAULT 0 NOT NULL,
	"facilitator_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "workshops_anonymity_check" CHECK ("workshops"."anonymity" in ('named', 'facilitator', 'anonymous')),
	CONSTRAINT "workshops_status_check" CHECK ("workshops"."status" in ('open', 'paused', 'ended')),
	CONSTRAINT "workshops_phase_check" CHECK ("workshops"."phase" in ('voting', 'revealed'))
);
--> statement-breakpoint
ALTER TABLE "workshop_participants" ADD CONSTRAINT "workshop_participants_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_participants" ADD CONSTRAINT "workshop_participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_questions" ADD CONSTRAINT "workshop_questions_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_votes" ADD CONSTRAINT "workshop_votes_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_votes" ADD CONSTRAINT "workshop_votes_participant_id_workshop_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."workshop_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_facilitator_id_users_id_fk" FOREIGN KEY ("facilitator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workshop_participants_workshop_idx" ON "workshop_participants" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "workshop_votes_question_idx" ON "workshop_votes" USING btree ("workshop_id","question_id","round");--> statement-breakpoint
CREATE UNIQUE INDEX "workshops_join_code_key" ON "workshops" USING btree ("join_code");--> statement-breakpoint
CREATE UNIQUE INDEX "workshops_running_assessment_key" ON "workshops" USING btree ("assessment_id") WHERE "workshops"."status" <> 'ended';