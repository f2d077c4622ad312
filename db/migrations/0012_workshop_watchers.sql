ALTER TABLE "workshop_votes" DROP CONSTRAINT "workshop_votes_participant_id_workshop_participants_id_fk";
--> statement-breakpoint
ALTER TABLE "workshop_participants" ADD COLUMN "watching" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "workshop_participants" ADD CONSTRAINT "workshop_participants_workshop_key" UNIQUE("id","workshop_id");--> statement-breakpoint
ALTER TABLE "workshop_votes" ADD CONSTRAINT "workshop_votes_participant_fk" FOREIGN KEY ("participant_id","workshop_id") REFERENCES "public"."workshop_participants"("id","workshop_id") ON DELETE cascade ON UPDATE no action;
