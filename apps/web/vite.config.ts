import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: "src/client",
  plugins: [react()],
  build: { outDir: "../../dist/client", emptyOutDir: true },
  server: { proxy: { "/trpc": "http://localhost:3000", "/v1": "http://localhost:3000" } },
});
