import { PageSkeleton } from "@/components/ui/skeleton";

// Loading boundaries sit in route groups ((list), (overview)), not above /users/[id]: a boundary above a page starts
// streaming before it renders, so its notFound() could only answer 200; without one, an unknown user is a real 404.
export default function Loading() {
  return <PageSkeleton title="Loading users" />;
}
