// The app's credentials: the Graph certificate (created in the vault, its private key never leaves it
// except into the running container) and the database URL. Access only through Azure RBAC.

param location string
param tags object
param name string
param purgeProtection bool

@description('Principal id of the identity the container runs as; it may read secrets.')
param secretsUserPrincipalId string

@description('Object id of the person or pipeline that creates the Graph certificate; empty for none.')
param certificateOfficerObjectId string

@description('postgres:// URL of the database, with its password.')
@secure()
param databaseUrl string

var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var certificatesOfficerRoleId = 'a4417e6f-fecd-4de8-b567-7b0420556985'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Once on, purge protection cannot be turned off; the property may only be true or absent.
    enablePurgeProtection: purgeProtection ? true : null
  }
}

resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: {
    value: databaseUrl
    contentType: 'text/plain'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, secretsUserPrincipalId, secretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: secretsUserPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource certificatesOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(certificateOfficerObjectId)) {
  name: guid(vault.id, certificateOfficerObjectId, certificatesOfficerRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', certificatesOfficerRoleId)
    principalId: certificateOfficerObjectId
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
output databaseUrlReference string = databaseUrlSecret.properties.secretUri
