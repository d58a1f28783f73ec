// The deployment scripts run here against a stand-in `az` on PATH that answers like the Azure CLI and
// records how it was called, so their decisions are tested without Azure.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const scratch = mkdtempSync(join(tmpdir(), "fieldcoach-scripts-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const FAKE_AZ = `#!/bin/sh
echo "$*" >> "$STUB_STATE/calls"
case "$*" in
  "account show --query user.type --output tsv") echo "$STUB_USER_TYPE" ;;
  "account show --query user.name --output tsv") echo "$STUB_USER_NAME" ;;
  "ad signed-in-user show --query id --output tsv") echo "0f1e2d3c-0000-4000-8000-00000000user" ;;
  "ad sp show --id $STUB_USER_NAME --query id --output tsv") echo "0f1e2d3c-0000-4000-8000-0000000000sp" ;;
  "keyvault certificate show --vault-name $STUB_VAULT --name $STUB_CERT --query id --output tsv")
    [ -f "$STUB_STATE/certificate" ] || { echo "(CertificateNotFound)" >&2; exit 3; }
    echo "https://$STUB_VAULT.vault.azure.net/certificates/$STUB_CERT/1" ;;
  "keyvault certificate create --vault-name $STUB_VAULT --name $STUB_CERT --policy @"*" --output none")
    policy="\${9#@}"
    [ -f "$policy" ] || { echo "no policy file $policy" >&2; exit 2; }
    touch "$STUB_STATE/certificate" ;;
  "keyvault certificate show --vault-name $STUB_VAULT --name $STUB_CERT --query x509ThumbprintHex --output tsv")
    echo "$STUB_THUMBPRINT" ;;
  "ad app credential list --id $STUB_CLIENT --cert --query [].customKeyIdentifier --output tsv")
    cat "$STUB_STATE/credentials" 2>/dev/null || true ;;
  "ad app credential reset --id $STUB_CLIENT --keyvault $STUB_VAULT --cert $STUB_CERT --append --output none")
    echo "$STUB_THUMBPRINT" >> "$STUB_STATE/credentials" ;;
  *) echo "unexpected: az $*" >&2; exit 9 ;;
esac
`;

const bin = join(scratch, "bin");
mkdirSync(bin);
writeFileSync(join(bin, "az"), FAKE_AZ);
chmodSync(join(bin, "az"), 0o755);

let runs = 0;

function run(script: string, env: Record<string, string>, setup: (state: string) => void = () => {}) {
  const state = join(scratch, `run-${++runs}`);
  mkdirSync(state);
  setup(state);
  const result = spawnSync("sh", [join(ROOT, "infra/scripts", script)], {
    cwd: ROOT,
    encoding: "utf8",
    env: {
      PATH: `${bin}:${process.env.PATH ?? ""}`,
      STUB_STATE: state,
      STUB_VAULT: "kv-fc-dev-abcd1234",
      STUB_CERT: "fieldcoach-graph",
      STUB_CLIENT: "0d3c6a52-7a6e-4a0c-9d51-8b3f2e1c4a77",
      STUB_THUMBPRINT: "8B1F4C9A2D3E5F60718293A4B5C6D7E8F9012345",
      STUB_USER_TYPE: "user",
      STUB_USER_NAME: "ops@contoso.com",
      ...env,
    },
  });
  const calls = existsSync(join(state, "calls"))
    ? readFileSync(join(state, "calls"), "utf8").trim().split("\n")
    : [];
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, calls };
}

describe("infra/scripts/settle-environment.sh", () => {
  const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

  it("stops with one sentence, before asking Azure anything, when the database password is missing", () => {
    const result = run("settle-environment.sh", { TEAMSFX_ENV: "prod", AAD_APP_TENANT_ID: TENANT });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "SECRET_DATABASE_ADMIN_PASSWORD is empty: put a password of 16 or more characters in env/.env.prod.user.\n",
    );
    expect(result.calls).toEqual([]);
  });

  it("allows the app registration's tenant and names the signed-in user as the certificate's creator", () => {
    const result = run("settle-environment.sh", {
      SECRET_DATABASE_ADMIN_PASSWORD: "a long enough password",
      AAD_APP_TENANT_ID: TENANT,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      `::set-teamsfx-env FIELDCOACH_ALLOWED_TENANTS=${TENANT}\n` +
        "::set-teamsfx-env AZURE_DEPLOYER_OBJECT_ID=0f1e2d3c-0000-4000-8000-00000000user\n",
    );
  });

  it("names a pipeline's service principal when the Azure CLI signed in as one", () => {
    const result = run("settle-environment.sh", {
      SECRET_DATABASE_ADMIN_PASSWORD: "a long enough password",
      FIELDCOACH_ALLOWED_TENANTS: TENANT,
      STUB_USER_TYPE: "servicePrincipal",
      STUB_USER_NAME: "5e3ce6c0-0000-4000-8000-000000000001",
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      "::set-teamsfx-env AZURE_DEPLOYER_OBJECT_ID=0f1e2d3c-0000-4000-8000-0000000000sp\n",
    );
  });

  it("keeps values that are set and then asks nothing", () => {
    const result = run("settle-environment.sh", {
      SECRET_DATABASE_ADMIN_PASSWORD: "a long enough password",
      FIELDCOACH_ALLOWED_TENANTS: `${TENANT},0b6a3c1e-5f3d-4c2a-9e1b-7d8f6a5b4c3d`,
      AZURE_DEPLOYER_OBJECT_ID: "0f1e2d3c-0000-4000-8000-000000000042",
    });
    expect(result).toMatchObject({ status: 0, stdout: "", calls: [] });
  });

  it("fails when neither the allowed tenants nor the app registration's tenant are known", () => {
    const result = run("settle-environment.sh", { SECRET_DATABASE_ADMIN_PASSWORD: "a long enough password" });
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("AAD_APP_TENANT_ID");
  });
});

describe("infra/scripts/graph-certificate.sh", () => {
  const env = {
    AZURE_KEY_VAULT_NAME: "kv-fc-dev-abcd1234",
    AZURE_KEY_VAULT_CERTIFICATE_NAME: "fieldcoach-graph",
    AAD_APP_CLIENT_ID: "0d3c6a52-7a6e-4a0c-9d51-8b3f2e1c4a77",
  };

  it("creates the certificate from the policy file and adds it to the app registration", () => {
    const result = run("graph-certificate.sh", env);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.calls.map((call) => call.slice(0, call.indexOf(" --")))).toEqual([
      "keyvault certificate show",
      "keyvault certificate create",
      "keyvault certificate show",
      "ad app credential list",
      "ad app credential reset",
    ]);
    expect(result.calls[1]).toContain(
      `--policy @${ROOT}/infra/scripts/../graph-certificate-policy.json --output none`,
    );
    expect(result.stdout).toBe(
      "Added certificate fieldcoach-graph (8B1F4C9A2D3E5F60718293A4B5C6D7E8F9012345) to the app registration 0d3c6a52-7a6e-4a0c-9d51-8b3f2e1c4a77.\n",
    );
  });

  it("changes nothing when the certificate exists and the registration already accepts it", () => {
    const result = run("graph-certificate.sh", env, (state) => {
      writeFileSync(join(state, "certificate"), "");
      writeFileSync(join(state, "credentials"), "0A1B2C3D\n8b1f4c9a2d3e5f60718293a4b5c6d7e8f9012345\n");
    });
    expect(result.status).toBe(0);
    expect(result.calls.some((call) => call.includes(" create ") || call.includes(" reset "))).toBe(false);
    expect(result.stdout).toBe(
      "The app registration 0d3c6a52-7a6e-4a0c-9d51-8b3f2e1c4a77 already accepts certificate fieldcoach-graph (8B1F4C9A2D3E5F60718293A4B5C6D7E8F9012345).\n",
    );
  });

  it("adds an existing certificate the registration does not know yet", () => {
    const result = run("graph-certificate.sh", env, (state) => writeFileSync(join(state, "certificate"), ""));
    expect(result.status).toBe(0);
    expect(result.calls.filter((call) => call.includes(" create "))).toEqual([]);
    expect(result.calls.at(-1)).toMatch(/^ad app credential reset /);
  });

  it("names the missing variable and asks Azure nothing", () => {
    const { AZURE_KEY_VAULT_NAME: _vault, ...withoutVault } = env;
    const result = run("graph-certificate.sh", withoutVault);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("the Key Vault name (output of infra/main.bicep) is required");
    expect(result.calls).toEqual([]);
  });
});
