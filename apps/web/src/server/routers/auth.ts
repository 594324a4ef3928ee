import { createTRPCRouter, viewerProcedure } from "../trpc.ts";

export const authRouter = createTRPCRouter({
  /** Who the portal thinks is asking, and with which roles (shown in the header). */
  me: viewerProcedure.query(({ ctx }) => ctx.viewer),
});
