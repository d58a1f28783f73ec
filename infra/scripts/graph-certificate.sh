#!/bin/sh
# FieldCoach signs in to Microsoft Graph with a certificate that lives in Key Vault. This creates it once
# (PEM, so the vault's secret of the same name holds the key and the certificate the server reads) and
# adds it to the app registration's credentials unless it is there already.
#
# Needs the Azure CLI, signed in as someone who may create certificates in the vault (the template's
# certificateOfficerObjectId) and update the app registration, and in the environment:
#   AZURE_KEY_VAULT_NAME, AZURE_KEY_VAULT_CERTIFICATE_NAME (outputs of infra/main.bicep), AAD_APP_CLIENT_ID.
set -eu

vault="${AZURE_KEY_VAULT_NAME:?the Key Vault name (output of infra/main.bicep) is required}"
name="${AZURE_KEY_VAULT_CERTIFICATE_NAME:?the certificate name (output of infra/main.bicep) is required}"
client_id="${AAD_APP_CLIENT_ID:?the app registration client id is required}"
policy="$(dirname "$0")/../graph-certificate-policy.json"

if ! az keyvault certificate show --vault-name "$vault" --name "$name" --query id --output tsv >/dev/null 2>&1; then
  # A role assignment made by the deployment a moment ago can take minutes to reach Key Vault.
  attempt=1
  until az keyvault certificate create --vault-name "$vault" --name "$name" --policy "@$policy" --output none; do
    if [ "$attempt" -ge 10 ]; then
      echo "Could not create certificate $name in Key Vault $vault." >&2
      exit 1
    fi
    attempt=$((attempt + 1))
    sleep 30
  done
fi

thumbprint="$(az keyvault certificate show --vault-name "$vault" --name "$name" --query x509ThumbprintHex --output tsv)"
if az ad app credential list --id "$client_id" --cert --query "[].customKeyIdentifier" --output tsv | grep -qix "$thumbprint"; then
  echo "The app registration $client_id already accepts certificate $name ($thumbprint)."
else
  az ad app credential reset --id "$client_id" --keyvault "$vault" --cert "$name" --append --output none
  echo "Added certificate $name ($thumbprint) to the app registration $client_id."
fi
