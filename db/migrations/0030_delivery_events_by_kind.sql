DROP INDEX "delivery_events_service_idx";--> statement-breakpoint
CREATE INDEX "delivery_events_service_kind_idx" ON "delivery_events" USING btree ("service_id","kind","occurred_at");