// Parameters for `az deployment group create`, read from the same variables the Agents Toolkit uses:
// export env/.env.<environment> (and the secret) into the shell first; see "Deploying to Azure" in the README.
using './main.bicep'

param environmentName = readEnvironmentVariable('TEAMSFX_ENV')
param clientId = readEnvironmentVariable('AAD_APP_CLIENT_ID')
param teamsAppId = readEnvironmentVariable('TEAMS_APP_ID')
param allowedTenants = readEnvironmentVariable('FIELDCOACH_ALLOWED_TENANTS')
param databaseAdminPassword = readEnvironmentVariable('SECRET_DATABASE_ADMIN_PASSWORD')
param certificateOfficerObjectId = readEnvironmentVariable('AZURE_DEPLOYER_OBJECT_ID', '')
param containerImageTag = readEnvironmentVariable('CONTAINER_IMAGE_TAG', '')
