// The demo organisation's catalogue as kept in the repository (examples/backstage/demo-org): the
// file the first run imports for the default organisation, to read or import by hand.
import { fileURLToPath } from "node:url";
import { demoCatalogueYaml } from "./backstage-catalogue.ts";
import { demoDefaults } from "./options.ts";
import { planOrganisation } from "./organisation.ts";

export const exampleCataloguePath = fileURLToPath(
  new URL("../../../examples/backstage/demo-org/catalog-info.yaml", import.meta.url),
);

export function renderExampleCatalogue(): string {
  return demoCatalogueYaml(planOrganisation(demoDefaults));
}
