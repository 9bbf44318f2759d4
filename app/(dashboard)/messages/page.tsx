import type { Metadata } from "next";
import { MessagesView } from "@/components/messages/messages-view";
import { PageHeader } from "@/components/ui/card";
import { listCourierMessages } from "@/lib/server/kratos";
import { requireAdmin } from "@/lib/server/http/page-auth";

export const metadata: Metadata = { title: "Messages" };

export default async function MessagesPage({
  searchParams,
}: {
  searchParams: Promise<{ recipient?: string | string[] }>;
}) {
  await requireAdmin("/messages");
  const sp = await searchParams;
  const recipient = typeof sp.recipient === "string" ? sp.recipient.trim().slice(0, 320) : "";
  const initialData = await listCourierMessages({ page_size: 50, recipient: recipient || undefined }).catch(
    () => undefined,
  );
  return (
    <>
      <PageHeader
        title="Messages"
        description="E-mails Kratos's courier sent or queued: recovery and verification codes. With the embedded Kratos this is your development mailbox."
      />
      <MessagesView initialRecipient={recipient} initialData={initialData} />
    </>
  );
}
