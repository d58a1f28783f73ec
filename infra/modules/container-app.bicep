// The FieldCoach server. Its configuration is the environment the server's config schema reads in tenant
// mode (src/config/load-config.ts), nothing more; the credentials come from Key Vault references.
// Ingress is HTTPS only: plain HTTP is redirected, and Teams and Outlook load only HTTPS pages anyway.

param location string
param tags object
param name string
param environmentId string

@description('Resource id of the user-assigned identity that reads Key Vault and pulls the image.')
param identityId string

param image string
param registryServer string
param cpu string
param memory string

@minValue(1)
param minReplicas int

param maxReplicas int
param clientId string

@description('Teams app id of the app package: reminders and their links into the tab name it.')
param teamsAppId string

param allowedTenants string

@description('Host name the app is reached at; the pages, the API and the Application ID URI use it.')
param publicHost string

@description('Key Vault URL of the Graph certificate\'s secret: PEM of the private key and the certificate.')
param graphCertificateReference string

@description('Key Vault URL of the database URL.')
param databaseUrlReference string

@description('Application Insights connection string: the server sends its traces and metrics there.')
param applicationInsightsConnectionString string

// The server's default port; the Dockerfile exposes the same.
var port = 3000
// The scope FieldCoach's API exposes and the token version, as in infra/aad.manifest.json.
var apiScope = 'access_as_user'
var tokenVersion = '2'

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: port
        transport: 'auto'
        allowInsecure: false
        traffic: [
          {
            latestRevision: true
            weight: 100
          }
        ]
      }
      registries: [
        {
          server: registryServer
          identity: identityId
        }
      ]
      secrets: [
        {
          name: 'graph-certificate'
          keyVaultUrl: graphCertificateReference
          identity: identityId
        }
        {
          name: 'database-url'
          keyVaultUrl: databaseUrlReference
          identity: identityId
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'fieldcoach'
          image: image
          resources: {
            cpu: json(cpu)
            memory: memory
          }
          env: [
            {
              name: 'FIELDCOACH_MODE'
              value: 'tenant'
            }
            {
              name: 'PORT'
              value: string(port)
            }
            {
              name: 'HOST'
              value: '0.0.0.0'
            }
            {
              name: 'LOG_LEVEL'
              value: 'info'
            }
            {
              name: 'FIELDCOACH_CLIENT_ID'
              value: clientId
            }
            {
              name: 'FIELDCOACH_APP_ID'
              value: teamsAppId
            }
            {
              name: 'FIELDCOACH_CLIENT_CERTIFICATE'
              secretRef: 'graph-certificate'
            }
            {
              name: 'FIELDCOACH_ALLOWED_TENANTS'
              value: allowedTenants
            }
            {
              name: 'DATABASE_URL'
              secretRef: 'database-url'
            }
            {
              name: 'FIELDCOACH_PUBLIC_BASE_URL'
              value: 'https://${publicHost}'
            }
            {
              name: 'FIELDCOACH_APP_ID_URI'
              value: 'api://${publicHost}/${clientId}'
            }
            {
              name: 'FIELDCOACH_API_SCOPE'
              value: apiScope
            }
            {
              name: 'FIELDCOACH_TOKEN_VERSION'
              value: tokenVersion
            }
            {
              name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
              value: applicationInsightsConnectionString
            }
          ]
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: '/healthz'
                port: port
              }
              periodSeconds: 5
              failureThreshold: 24
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/healthz'
                port: port
              }
              periodSeconds: 30
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/readyz'
                port: port
              }
              periodSeconds: 10
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        // Background work (calendar sync, reminders) needs a replica running: never scale to zero.
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http'
            http: {
              metadata: {
                concurrentRequests: '50'
              }
            }
          }
        ]
      }
    }
  }
}
