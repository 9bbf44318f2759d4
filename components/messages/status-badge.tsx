import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { CourierStatus } from "@/lib/schemas/courier";

const TONES: Record<CourierStatus, BadgeTone> = {
  queued: "amber",
  processing: "blue",
  sent: "green",
  abandoned: "red",
};
const LABELS: Record<CourierStatus, string> = {
  queued: "Queued",
  processing: "Processing",
  sent: "Sent",
  abandoned: "Abandoned",
};

export function StatusBadge({ status }: { status: CourierStatus }) {
  return <Badge tone={TONES[status]}>{LABELS[status]}</Badge>;
}
