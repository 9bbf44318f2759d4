"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useLogoutMutation } from "@/lib/client/queries/auth";

export function SignOutButton() {
  const router = useRouter();
  const logout = useLogoutMutation({
    onSuccess: () => {
      router.replace("/login");
      router.refresh();
    },
  });
  return (
    <Button size="sm" onClick={() => logout.mutate()} loading={logout.isPending}>
      Sign out
    </Button>
  );
}
