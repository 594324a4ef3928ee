// Who made a pack: this package and its version, as manifests record it.
import cliPackage from "../../package.json" with { type: "json" };

export const generator = `${cliPackage.name} ${cliPackage.version}`;
