// MATURITY_ALERTS read at start: a bad file stops the process with every error in it, the way a
// bad policy file does; credentials written as ${NAME} are looked up in the process's settings.
import type { AlertsConfig, SecretLookup } from "@maturity/alerts";
import { formatAlertsFileErrors, readAlertsFile } from "@maturity/alerts";

/** The alerts the file sets up (undefined when unset); throws with each error as file:line:column. */
export async function loadAlertsSetting(
  file: string | undefined,
  secrets: SecretLookup,
): Promise<AlertsConfig | undefined> {
  if (file === undefined) return undefined;
  const result = await readAlertsFile(file, { secrets });
  if (!result.ok)
    throw new Error(`MATURITY_ALERTS: the alerts file is refused:\n${formatAlertsFileErrors(result.errors)}`);
  return result.value;
}
