// FieldCoach in one resource group: the server on Azure Container Apps, PostgreSQL flexible server on a
// private network, Key Vault holding the Graph certificate and the database URL, a user-assigned
// identity that reads both and pulls the image, and Log Analytics with Application Insights.
//
// Deployed in two steps, because the app can start only once its image is in the registry and its
// certificate in the vault: first with containerImageTag empty (everything but the app), then, after
// the image is pushed and the certificate created, with the image's tag.

targetScope = 'resourceGroup'

@description('Which sizes to use; also part of every resource name.')
@allowed([
  'dev'
  'prod'
])
param environmentName string

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('Application (client) id of the FieldCoach app registration in Microsoft Entra ID.')
@minLength(36)
@maxLength(36)
param clientId string

@description('Teams app id of the app package (the toolkit\'s TEAMS_APP_ID): activity-feed reminders and their links name it.')
@minLength(36)
@maxLength(36)
param teamsAppId string

@description('Comma-separated ids of the Microsoft 365 tenants allowed to sign in.')
@minLength(36)
param allowedTenants string

@description('Tag of the fieldcoach image in the registry; empty deploys everything except the app.')
param containerImageTag string = ''

@description('Password of the PostgreSQL administrator; kept only inside the database URL in Key Vault.')
@secure()
@minLength(16)
param databaseAdminPassword string

@description('Object id of the person or pipeline that creates the Graph certificate in Key Vault; empty for none.')
param certificateOfficerObjectId string = ''

var sizes = {
  dev: {
    registrySku: 'Basic'
    logRetentionDays: 30
    databaseSku: {
      name: 'Standard_B1ms'
      tier: 'Burstable'
    }
    databaseStorageGb: 32
    databaseBackupRetentionDays: 7
    databaseGeoRedundantBackup: 'Disabled'
    databaseHighAvailability: 'Disabled'
    keyVaultPurgeProtection: false
    containerCpu: '0.5'
    containerMemory: '1Gi'
    minReplicas: 1
    maxReplicas: 2
  }
  prod: {
    registrySku: 'Standard'
    logRetentionDays: 90
    databaseSku: {
      name: 'Standard_D2ds_v5'
      tier: 'GeneralPurpose'
    }
    databaseStorageGb: 128
    databaseBackupRetentionDays: 35
    databaseGeoRedundantBackup: 'Enabled'
    databaseHighAvailability: 'ZoneRedundant'
    keyVaultPurgeProtection: true
    containerCpu: '1.0'
    containerMemory: '2Gi'
    minReplicas: 2
    maxReplicas: 10
  }
}
var size = sizes[environmentName]

var baseName = 'fieldcoach-${environmentName}'
var suffix = uniqueString(resourceGroup().id)
var names = {
  identity: 'id-${baseName}'
  logAnalytics: 'log-${baseName}'
  applicationInsights: 'appi-${baseName}'
  network: 'vnet-${baseName}'
  registry: 'crfieldcoach${environmentName}${suffix}'
  keyVault: 'kv-fc-${environmentName}-${take(suffix, 8)}'
  database: 'psql-${baseName}-${suffix}'
  environment: 'cae-${baseName}'
  app: 'ca-${baseName}'
}
// Key Vault makes a certificate's key and certificate readable as the secret of the same name.
var graphCertificateName = 'fieldcoach-graph'
var databaseName = 'fieldcoach'
var databaseAdminLogin = 'fieldcoach'
var tags = {
  application: 'fieldcoach'
  environment: environmentName
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    retentionDays: size.logRetentionDays
  }
}

module network 'modules/network.bicep' = {
  name: 'network'
  params: {
    location: location
    tags: tags
    name: names.network
  }
}

module registry 'modules/registry.bicep' = {
  name: 'registry'
  params: {
    location: location
    tags: tags
    name: names.registry
    sku: size.registrySku
    pullerPrincipalId: identity.properties.principalId
  }
}

module database 'modules/database.bicep' = {
  name: 'database'
  params: {
    location: location
    tags: tags
    serverName: names.database
    databaseName: databaseName
    adminLogin: databaseAdminLogin
    adminPassword: databaseAdminPassword
    sku: size.databaseSku
    storageGb: size.databaseStorageGb
    backupRetentionDays: size.databaseBackupRetentionDays
    geoRedundantBackup: size.databaseGeoRedundantBackup
    highAvailability: size.databaseHighAvailability
    subnetId: network.outputs.databaseSubnetId
    virtualNetworkId: network.outputs.id
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    location: location
    tags: tags
    name: names.keyVault
    purgeProtection: size.keyVaultPurgeProtection
    secretsUserPrincipalId: identity.properties.principalId
    certificateOfficerObjectId: certificateOfficerObjectId
    databaseUrl: 'postgres://${databaseAdminLogin}:${uriComponent(databaseAdminPassword)}@${database.outputs.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=verify-full'
  }
}

module appEnvironment 'modules/container-environment.bicep' = {
  name: 'container-environment'
  params: {
    location: location
    tags: tags
    name: names.environment
    subnetId: network.outputs.appsSubnetId
    logAnalyticsName: monitoring.outputs.logAnalyticsName
  }
}

var publicHost = '${names.app}.${appEnvironment.outputs.defaultDomain}'

module app 'modules/container-app.bicep' = if (!empty(containerImageTag)) {
  name: 'container-app'
  params: {
    location: location
    tags: tags
    name: names.app
    environmentId: appEnvironment.outputs.id
    identityId: identity.id
    image: '${registry.outputs.loginServer}/fieldcoach:${containerImageTag}'
    registryServer: registry.outputs.loginServer
    cpu: size.containerCpu
    memory: size.containerMemory
    minReplicas: size.minReplicas
    maxReplicas: size.maxReplicas
    clientId: clientId
    teamsAppId: teamsAppId
    allowedTenants: allowedTenants
    publicHost: publicHost
    graphCertificateReference: '${keyVault.outputs.uri}secrets/${graphCertificateName}'
    databaseUrlReference: keyVault.outputs.databaseUrlReference
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
  }
}

output AZURE_CONTAINER_REGISTRY_NAME string = registry.outputs.name
output AZURE_CONTAINER_REGISTRY_SERVER string = registry.outputs.loginServer
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_CERTIFICATE_NAME string = graphCertificateName
output AZURE_CONTAINER_APP_NAME string = names.app
output AZURE_POSTGRESQL_SERVER_NAME string = database.outputs.name
output AZURE_APPLICATION_INSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output FIELDCOACH_PUBLIC_HOST string = publicHost
output FIELDCOACH_PUBLIC_BASE_URL string = 'https://${publicHost}'
