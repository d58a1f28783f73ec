#!/bin/sh
# Fills in the environment values a first deployment cannot know yet, for the Agents Toolkit, which reads
# `::set-teamsfx-env NAME=value` lines from a script's output into env/.env.<environment>. Values already
# set are kept:
#   FIELDCOACH_ALLOWED_TENANTS   the app registration's own tenant (AAD_APP_TENANT_ID)
#   AZURE_DEPLOYER_OBJECT_ID     whoever the Azure CLI is signed in as, to create the Graph certificate
# The database password is never made here, because the toolkit logs what a script prints: it must be
# in SECRET_DATABASE_ADMIN_PASSWORD already (env/.env.<environment>.user, or the pipeline's secrets).
set -eu

if [ -z "${SECRET_DATABASE_ADMIN_PASSWORD:-}" ]; then
  echo "SECRET_DATABASE_ADMIN_PASSWORD is empty: put a password of 16 or more characters in env/.env.${TEAMSFX_ENV:-dev}.user." >&2
  exit 1
fi

if [ -z "${FIELDCOACH_ALLOWED_TENANTS:-}" ]; then
  echo "::set-teamsfx-env FIELDCOACH_ALLOWED_TENANTS=${AAD_APP_TENANT_ID:?is required when FIELDCOACH_ALLOWED_TENANTS is empty}"
fi

if [ -z "${AZURE_DEPLOYER_OBJECT_ID:-}" ]; then
  if [ "$(az account show --query user.type --output tsv)" = "user" ]; then
    deployer="$(az ad signed-in-user show --query id --output tsv)"
  else
    deployer="$(az ad sp show --id "$(az account show --query user.name --output tsv)" --query id --output tsv)"
  fi
  echo "::set-teamsfx-env AZURE_DEPLOYER_OBJECT_ID=$deployer"
fi
