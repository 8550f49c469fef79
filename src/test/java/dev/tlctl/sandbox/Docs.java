package dev.tlctl.sandbox;

/**
 * Every GraphQL document the sandbox tests send. The conformance test validates each one against
 * Railway's full schema, so the tests speak the real API, not just the sandbox's.
 */
final class Docs {
    private Docs() {}

    /** Selection fragments the documents below share (not documents themselves). */
    static final class Parts {
        private Parts() {}

        static final String TRIGGER_FIELDS = "baseEnvironmentOverrideId branch checkSuites environmentId id projectId"
                + " provider repository serviceId validCheckSuites";
        static final String VOLUME_INSTANCE_FIELDS = "createdAt currentSizeMB deletedAt environment { id } environmentId"
                + " externalId id isPendingDeletion mountPath region service { name } serviceId sizeMB state"
                + " volume { id name volumeInstances(first: 5) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } volumeId";
        static final String DOMAIN_FIELDS = "serviceDomains { cdnMode createdAt deletedAt domain edgeId environmentId id"
                + " newDomainName newHostLabel projectId serviceId suffix syncStatus targetPort updatedAt }"
                + " customDomains { cdnMode createdAt deletedAt domain edgeId environmentId id isRailwayDomain projectId"
                + " serviceId syncStatus targetPort updatedAt }";
        static final String PATCH_FIELDS = "id status createdAt updatedAt environmentId lastAppliedError message"
                + " appliedAt appliedBy { avatar email id name username } environment { id name }";
    }

    static final String ME = "query Me { me { id name email username createdAt workspaces { id name plan } } }";
    static final String EXTERNAL_WORKSPACES = "query ExternalWorkspaces($projectId: String) {"
            + " externalWorkspaces(projectId: $projectId) { allowDeprecatedRegions avatar banReason createdAt"
            + " currentSessionHasAccess customerId customerState discordRole has2FAEnforcement hasAutomaticDiagnosis"
            + " hasBAA hasGuardrailsAccess hasRBAC hasSAML id isTrialing name plan preferredRegion"
            + " projects { id name workspaceId } redactedDueTo2FAPending subscriptionPlanLimit supportTierOverride"
            + " teamId } }";
    static final String ENVIRONMENT_ACCESS = "query EnvironmentAccess($id: String!) { project(id: $id) {"
            + " environments { edges { node { id name canAccess isEphemeral"
            + " meta { prNumber branch baseBranch prRepo prTitle prCommentId latestSuccessfulGitHubDeploymentId"
            + " skippedResourceIds } sourceEnvironment { id } } } } } }";
    static final String PROJECT_CONFIGS = "query ProjectConfigs($id: String!) { project(id: $id) { id"
            + " environments { edges { node { id name canAccess config(decryptVariables: true) configEtag } } } } }";
    static final String API_TOKEN = "query ApiToken { apiToken { workspaces { id name } } }";
    static final String PROJECT_TOKEN = "query ProjectToken { projectToken { id name projectId environmentId"
            + " displayToken createdAt project { id name } environment { id name } } }";
    static final String WORKSPACE = "query Workspace($id: String!) { workspace(workspaceId: $id) { id name plan"
            + " createdAt updatedAt customer { id currentUsage billingPeriod { start end }"
            + " usageLimit { id customerId softLimit hardLimit isOverLimit } }"
            + " projects(first: 10) { edges { node { id name } } pageInfo { hasNextPage } } } }";
    static final String PROJECTS = "query Projects($first: Int, $after: String, $includeDeleted: Boolean,"
            + " $workspaceId: String, $orderBy: ProjectsOrderBy) { projects(first: $first, after: $after,"
            + " includeDeleted: $includeDeleted, workspaceId: $workspaceId, orderBy: $orderBy) {"
            + " edges { cursor node { id name deletedAt } }"
            + " pageInfo { hasNextPage endCursor hasPreviousPage startCursor } } }";
    static final String PROJECT = "query Project($id: String!) { project(id: $id) { id name description"
            + " workspaceId createdAt updatedAt deletedAt isPublic prDeploys botPrEnvironments"
            + " focusedPrEnvironments baseEnvironmentId"
            + " environments { edges { node { id name projectId isEphemeral } } }"
            + " services { edges { node { id name icon projectId createdAt updatedAt deletedAt } } }"
            + " volumes { edges { node { id name projectId createdAt project { id } } } } } }";
    static final String PROJECT_WORKSPACE = "query ProjectWorkspace($id: String!) { project(id: $id) { id"
            + " workspace { id name } } }";
    static final String PROJECT_ENVIRONMENTS_PAGE = "query ProjectEnvironments($id: String!, $first: Int,"
            + " $after: String) { project(id: $id) { environments(first: $first, after: $after) {"
            + " edges { cursor node { id name } } pageInfo { hasNextPage endCursor hasPreviousPage startCursor } }"
            + " services(first: $first) { edges { node { id } } pageInfo { hasNextPage } } } }";
    static final String PROJECT_CREATE = "mutation ProjectCreate($input: ProjectCreateInput!) {"
            + " projectCreate(input: $input) { id name description workspaceId isPublic"
            + " environments { edges { node { id name } } } } }";
    static final String PROJECT_UPDATE = "mutation ProjectUpdate($id: String!, $input: ProjectUpdateInput!) {"
            + " projectUpdate(id: $id, input: $input) { id name description isPublic prDeploys"
            + " botPrEnvironments focusedPrEnvironments baseEnvironmentId } }";
    static final String PROJECT_DELETE = "mutation ProjectDelete($id: String!) { projectDelete(id: $id) }";
    static final String ENVIRONMENTS = "query Environments($projectId: String!, $first: Int, $after: String,"
            + " $isEphemeral: Boolean) { environments(projectId: $projectId, first: $first, after: $after,"
            + " isEphemeral: $isEphemeral) { edges { cursor node { id name isEphemeral } }"
            + " pageInfo { hasNextPage endCursor hasPreviousPage startCursor } } }";
    static final String ENVIRONMENT = "query Environment($id: String!, $decrypt: Boolean) {"
            + " environment(id: $id) { id name projectId isEphemeral createdAt updatedAt deletedAt configEtag"
            + " config(decryptVariables: $decrypt) sourceEnvironment { id name }"
            + " serviceInstances { edges { node { id serviceId serviceName environmentId numReplicas region"
            + " startCommand source { repo image } } } }"
            + " variables { edges { node { id name isSealed serviceId environmentId } } }"
            + " deployments(first: 100) { edges { node { id serviceId } } } } }";
    static final String ENVIRONMENT_IN_PROJECT = "query EnvironmentInProject($id: String!, $projectId: String) {"
            + " environment(id: $id, projectId: $projectId) { id name } }";
    static final String ENVIRONMENT_CREATE = "mutation EnvironmentCreate($input: EnvironmentCreateInput!) {"
            + " environmentCreate(input: $input) { id name isEphemeral configEtag config(decryptVariables: true)"
            + " sourceEnvironment { id name } } }";
    static final String ENVIRONMENT_RENAME = "mutation EnvironmentRename($id: String!, $name: String!) {"
            + " environmentRename(id: $id, input: { name: $name }) { id name } }";
    static final String ENVIRONMENT_DELETE = "mutation EnvironmentDelete($id: String!) { environmentDelete(id: $id) }";
    static final String SERVICE = "query Service($id: String!) { service(id: $id) { id name projectId"
            + " project { id name } } }";
    static final String SERVICE_CREATE = "mutation ServiceCreate($input: ServiceCreateInput!) {"
            + " serviceCreate(input: $input) { id name icon projectId } }";
    static final String SERVICE_UPDATE = "mutation ServiceUpdate($id: String!, $input: ServiceUpdateInput!) {"
            + " serviceUpdate(id: $id, input: $input) { id name icon } }";
    static final String SERVICE_DELETE = "mutation ServiceDelete($id: String!, $environmentId: String) {"
            + " serviceDelete(id: $id, environmentId: $environmentId) }";
    static final String SERVICE_CONNECT = "mutation ServiceConnect($id: String!, $input: ServiceConnectInput!) {"
            + " serviceConnect(id: $id, input: $input) { id name } }";
    static final String SERVICE_INSTANCE = "query ServiceInstance($environmentId: String!, $serviceId: String!) {"
            + " serviceInstance(environmentId: $environmentId, serviceId: $serviceId) { id serviceId serviceName"
            + " environmentId source { repo image } builder buildCommand startCommand rootDirectory dockerfilePath"
            + " healthcheckPath healthcheckTimeout numReplicas region sleepApplication cronSchedule"
            + " restartPolicyType restartPolicyMaxRetries preDeployCommand watchPatterns overlapSeconds"
            + " drainingSeconds createdAt updatedAt service { id name } latestDeployment { id status } } }";
    static final String SERVICE_INSTANCE_UPDATE = "mutation ServiceInstanceUpdate($serviceId: String!,"
            + " $environmentId: String, $input: ServiceInstanceUpdateInput!) {"
            + " serviceInstanceUpdate(serviceId: $serviceId, environmentId: $environmentId, input: $input) }";
    static final String LIMITS_UPDATE = "mutation ServiceInstanceLimitsUpdate($input: ServiceInstanceLimitsUpdateInput!) {"
            + " serviceInstanceLimitsUpdate(input: $input) }";
    static final String VARIABLES = "query Variables($projectId: String!, $environmentId: String!,"
            + " $serviceId: String, $unrendered: Boolean) { variables(projectId: $projectId,"
            + " environmentId: $environmentId, serviceId: $serviceId, unrendered: $unrendered) }";
    static final String VARIABLE_UPSERT = "mutation VariableUpsert($input: VariableUpsertInput!) {"
            + " variableUpsert(input: $input) }";
    static final String VARIABLE_COLLECTION_UPSERT = "mutation VariableCollectionUpsert("
            + "$input: VariableCollectionUpsertInput!) { variableCollectionUpsert(input: $input) }";
    static final String VARIABLE_DELETE = "mutation VariableDelete($input: VariableDeleteInput!) {"
            + " variableDelete(input: $input) }";
    static final String PATCH_COMMIT = "mutation EnvironmentPatchCommit($environmentId: String!,"
            + " $patch: EnvironmentConfig, $message: String) { environmentPatchCommit("
            + "environmentId: $environmentId, patch: $patch, commitMessage: $message) }";
    static final String USAGE_LIMIT_SET = "mutation UsageLimitSet($input: UsageLimitSetInput!) {"
            + " usageLimitSet(input: $input) }";
    static final String USAGE_LIMIT_REMOVE = "mutation UsageLimitRemove($input: UsageLimitRemoveInput!) {"
            + " usageLimitRemove(input: $input) }";
    static final String USAGE = "query Usage($measurements: [MetricMeasurement!]!, $projectId: String,"
            + " $workspaceId: String, $groupBy: [MetricTag!], $includeDeleted: Boolean, $startDate: DateTime,"
            + " $endDate: DateTime) { usage(measurements: $measurements, projectId: $projectId,"
            + " workspaceId: $workspaceId, groupBy: $groupBy, includeDeleted: $includeDeleted,"
            + " startDate: $startDate, endDate: $endDate) { measurement value tags { projectId environmentId serviceId"
            + " deploymentId deploymentInstanceId pluginId region volumeId volumeInstanceId } } }";
    static final String ESTIMATED_USAGE = "query EstimatedUsage($measurements: [MetricMeasurement!]!,"
            + " $projectId: String, $workspaceId: String, $includeDeleted: Boolean) {"
            + " estimatedUsage(measurements: $measurements, projectId: $projectId, workspaceId: $workspaceId,"
            + " includeDeleted: $includeDeleted) { measurement estimatedValue projectId } }";
    static final String DEPLOYMENTS = "query Deployments($input: DeploymentListInput!, $first: Int,"
            + " $after: String) { deployments(input: $input, first: $first, after: $after) {"
            + " edges { cursor node { id status createdAt updatedAt statusUpdatedAt projectId environmentId"
            + " serviceId environment { name } service { name } } } pageInfo { hasNextPage endCursor } } }";
    static final String ENVIRONMENT_CONNECTIONS = "query EnvironmentConnections($id: String!, $first: Int,"
            + " $after: String) { environment(id: $id) {"
            + " serviceInstances(first: $first, after: $after) { edges { cursor node { serviceName } }"
            + " pageInfo { hasNextPage endCursor hasPreviousPage startCursor } }"
            + " variables(first: $first, after: $after) { edges { cursor node { name } } pageInfo { hasNextPage endCursor } }"
            + " deployments(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }";
    static final String PROJECT_CONNECTIONS = "query ProjectConnections($id: String!, $first: Int, $after: String) {"
            + " project(id: $id) { services(first: $first, after: $after) { edges { cursor node { name } }"
            + " pageInfo { hasNextPage endCursor } }"
            + " volumes(first: $first, after: $after) { edges { cursor node { name } } pageInfo { hasNextPage endCursor } }"
            + " workspace { projects(first: $first, after: $after) { edges { cursor node { name } }"
            + " pageInfo { hasNextPage endCursor } } } } }";
    static final String TWO_ROOT_FIELDS = "query TwoFields($id: String!) { me { id } project(id: $id) { id } }";
    static final String ANONYMOUS_ME = "{ me { id } }";
    static final String CHANGE_SET_APPLY = "mutation ApplyChangeSet($environmentId: String!, $input: JSON!,"
            + " $baseConfigEtag: String, $commitMessage: String, $waitForCompletion: Boolean) {"
            + " environmentApplyChangeSet(environmentId: $environmentId, input: $input, baseConfigEtag: $baseConfigEtag,"
            + " commitMessage: $commitMessage, waitForCompletion: $waitForCompletion) {"
            + " id status deploymentId stagedPatchId diagnostics changes { kind path summary status outputs } } }";
    static final String CHANGE_SET_POLL = "query ChangeSetApply($environmentId: String!, $id: String!) {"
            + " environmentChangeSetApply(environmentId: $environmentId, id: $id) {"
            + " id status deploymentId stagedPatchId diagnostics changes { kind path summary status outputs } } }";
    static final String CHANGE_SET_PREVIEW = "mutation PreviewChangeSet($environmentId: String!, $input: JSON!) {"
            + " environmentPreviewChangeSet(environmentId: $environmentId, input: $input) {"
            + " changeSet diagnostics effects } }";
    static final String CONFIG_ETAG = "query ConfigEtag($id: String!) { environment(id: $id) { configEtag"
            + " config(decryptVariables: true) } }";

    // ---- every field of the types Railway's clients read (issue 12) ----

    static final String PROJECT_EVERY_FIELD = "query ProjectEveryField($id: String!) { project(id: $id) {"
            + " baseEnvironment { id name } buckets(first: 10) { edges { cursor node { createdAt groupId id name"
            + " project { id } projectId updatedAt } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }"
            + " deploymentTriggers { edges { cursor node { " + Parts.TRIGGER_FIELDS + " } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }"
            + " deployments(last: 2) { edges { cursor node { id status } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }"
            + " environments(sort: desc) { edges { node { name } } } expiredAt featureFlags"
            + " groups { edges { cursor node { color groupId icon id isCollapsed name project { id } projectId } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }"
            + " isTempProject members { avatar email id name role }"
            + " plugins { edges { cursor node { createdAt deletedAt deprecatedAt friendlyName id logsEnabled"
            + " migrationDatabaseServiceId name project { id } status } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } primaryEnvironmentId"
            + " projectPermissions { edges { cursor node { id projectId role userId } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }"
            + " subscriptionPlanLimit subscriptionType"
            + " team { avatar createdAt customer { id } id name preferredRegion slackChannelId updatedAt workspace { id } }"
            + " teamId } }";
    static final String ENVIRONMENT_EVERY_FIELD = "query EnvironmentEveryField($id: String!) { environment(id: $id) {"
            + " canAccess canvasGroupRefs deploymentTriggers { edges { cursor node { id branch } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }"
            + " meta { baseBranch branch latestSuccessfulGitHubDeploymentId prCommentId prNumber prRepo prTitle"
            + " skippedResourceIds } unmergedChangesCount"
            + " volumeInstances { edges { cursor node { " + Parts.VOLUME_INSTANCE_FIELDS + " } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }";
    static final String SERVICE_EVERY_FIELD = "query ServiceEveryField($id: String!) { service(id: $id) {"
            + " deployments(first: 1) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } featureFlags groupId"
            + " hasHiddenRegistryCredentialsFromTemplate isRestricted"
            + " repoTriggers { edges { cursor node { id repository } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }"
            + " serviceInstances { edges { cursor node { environmentId } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }"
            + " templateId templateServiceId templateThreadSlug } }";
    static final String SERVICE_INSTANCE_EVERY_FIELD = "query ServiceInstanceEveryField($environmentId: String!,"
            + " $serviceId: String!) { serviceInstance(environmentId: $environmentId, serviceId: $serviceId) {"
            + " activeDeployments { id status } deletedAt domains { " + Parts.DOMAIN_FIELDS + " }"
            + " edgeConfig { edgeRules enabled id overrides purgeEpoch purgeEpochByKind underAttackModeUntil }"
            + " ipv6EgressEnabled isUpdatable nextCronRunAt nixpacksPlan railpackInfo railwayConfigFile upstreamUrl } }";
    static final String VARIABLE_EVERY_FIELD = "query VariableEveryField($id: String!) { environment(id: $id) {"
            + " variables { edges { node { createdAt environment { id } environmentId id isSealed name pluginId"
            + " references service { name } serviceId updatedAt } } } } }";
    static final String VARIABLE_PLUGIN = "query VariablePlugin($id: String!) { environment(id: $id) {"
            + " variables(first: 1) { edges { node { name plugin { createdAt deletedAt deprecatedAt friendlyName id"
            + " logsEnabled migrationDatabaseServiceId name project { id } status } } } } } }";
    static final String DEPLOYMENT_EVERY_FIELD = "query DeploymentEveryField($input: DeploymentListInput!) {"
            + " deployments(input: $input) { edges { node { id status canRedeploy canRollback"
            + " creator { avatar email id name } deploymentStopped diagnosis instances { id status } meta snapshotId"
            + " sockets { ipv6 port processName updatedAt } staticUrl suggestAddServiceDomain url } } } }";
    static final String REGIONS = "query Regions($projectId: String) { regions(projectId: $projectId) { country"
            + " deploymentConstraints { deprecationInfo { isDeprecated replacementRegion } } id location name region"
            + " workspaceId } }";
    static final String VARIABLES_FOR_DEPLOYMENT = "query VariablesForDeployment($projectId: String!,"
            + " $environmentId: String!, $serviceId: String!) { variablesForServiceDeployment(projectId: $projectId,"
            + " environmentId: $environmentId, serviceId: $serviceId) }";
    static final String DOMAINS = "query Domains($projectId: String!, $environmentId: String!, $serviceId: String!) {"
            + " domains(projectId: $projectId, environmentId: $environmentId, serviceId: $serviceId) {"
            + " serviceDomains { id domain targetPort } customDomains { id domain targetPort } } }";

    // ---- staged changes and deploys ----

    static final String STAGED_CHANGES = "query StagedChanges($environmentId: String!, $decrypt: Boolean) {"
            + " environmentStagedChanges(environmentId: $environmentId) { " + Parts.PATCH_FIELDS
            + " patch(decryptVariables: $decrypt) } }";
    static final String STAGE_CHANGES = "mutation StageChanges($environmentId: String!, $input: EnvironmentConfig!,"
            + " $merge: Boolean) { environmentStageChanges(environmentId: $environmentId, input: $input,"
            + " merge: $merge) { id status patch(decryptVariables: true) } }";
    static final String COMMIT_STAGED = "mutation CommitStaged($environmentId: String!, $skipDeploys: Boolean) {"
            + " environmentPatchCommitStaged(environmentId: $environmentId, commitMessage: \"tlctl test\","
            + " skipDeploys: $skipDeploys) }";
    static final String UNMERGED = "query Unmerged($id: String!) { environment(id: $id) { unmergedChangesCount"
            + " configEtag } }";
    static final String SERVICE_INSTANCE_REDEPLOY = "mutation Redeploy($environmentId: String!, $serviceId: String!) {"
            + " serviceInstanceRedeploy(environmentId: $environmentId, serviceId: $serviceId) }";
    static final String SERVICE_INSTANCE_DEPLOY_V2 = "mutation DeployV2($environmentId: String!, $serviceId: String!,"
            + " $commitSha: String) { serviceInstanceDeployV2(environmentId: $environmentId, serviceId: $serviceId,"
            + " commitSha: $commitSha) }";
    static final String SERVICE_INSTANCE_DEPLOY = "mutation Deploy($environmentId: String!, $serviceId: String!) {"
            + " serviceInstanceDeploy(environmentId: $environmentId, serviceId: $serviceId, latestCommit: true) }";
    static final String DEPLOYMENT_REDEPLOY = "mutation DeploymentRedeploy($id: String!) {"
            + " deploymentRedeploy(id: $id, usePreviousImageTag: true) { id status meta serviceId } }";
    static final String LATEST_DEPLOYMENTS = "query Latest($environmentId: String!, $serviceId: String!) {"
            + " serviceInstance(environmentId: $environmentId, serviceId: $serviceId) {"
            + " latestDeployment { id status meta deploymentStopped canRollback instances { status } }"
            + " activeDeployments { id } } }";

    // ---- shaped like the official Railway CLI's read documents (src/gql/queries), our own text ----

    static final String CLI_PROJECT = "query Project($id: String!) { project(id: $id) { id name deletedAt"
            + " workspace { id name }"
            + " environments { edges { node { id name canAccess deletedAt unmergedChangesCount"
            + " serviceInstances { edges { node { id serviceId serviceName environmentId } } } } } }"
            + " services { edges { node { id name serviceInstances { edges { node { id serviceId environmentId"
            + " latestDeployment { canRedeploy id } source { repo image } } } } } } }"
            + " volumes { edges { node { volumeInstances { edges { node { serviceId mountPath environmentId"
            + " currentSizeMB sizeMB volume { name id } } } } } } }"
            + " buckets { edges { node { id name } } } } }";
    static final String CLI_ENVIRONMENTS = "query Environments($projectId: String!, $isEphemeral: Boolean,"
            + " $first: Int, $after: String) { environments(projectId: $projectId, isEphemeral: $isEphemeral,"
            + " first: $first, after: $after) { edges { node { id name isEphemeral createdAt updatedAt canAccess"
            + " unmergedChangesCount sourceEnvironment { id name } meta { prNumber prTitle prRepo branch baseBranch } } }"
            + " pageInfo { hasNextPage endCursor } } }";
    static final String CLI_ENVIRONMENT_INSTANCES = "query EnvironmentInstances($environmentId: String!,"
            + " $projectId: String!, $serviceInstancesFirst: Int, $serviceInstancesAfter: String,"
            + " $volumeInstancesFirst: Int, $volumeInstancesAfter: String) {"
            + " environment(id: $environmentId, projectId: $projectId) { id name"
            + " serviceInstances(first: $serviceInstancesFirst, after: $serviceInstancesAfter) { edges { node {"
            + " id serviceId serviceName environmentId numReplicas"
            + " latestDeployment { canRedeploy id meta status createdAt deploymentStopped instances { id status } }"
            + " activeDeployments { id status createdAt meta deploymentStopped instances { id status } }"
            + " source { repo image } domains { serviceDomains { id domain targetPort }"
            + " customDomains { id domain targetPort } } cronSchedule nextCronRunAt startCommand } }"
            + " pageInfo { hasNextPage endCursor } }"
            + " volumeInstances(first: $volumeInstancesFirst, after: $volumeInstancesAfter) { edges { node {"
            + " id serviceId mountPath environmentId currentSizeMB sizeMB state deletedAt isPendingDeletion"
            + " volume { name id } } } pageInfo { hasNextPage endCursor } } } }";
    static final String CLI_VARIABLES_FOR_SERVICE_DEPLOYMENT = "query VariablesForServiceDeployment("
            + "$projectId: String!, $environmentId: String!, $serviceId: String!) {"
            + " variablesForServiceDeployment(projectId: $projectId, environmentId: $environmentId,"
            + " serviceId: $serviceId) }";
    static final String CLI_DEPLOYMENTS = "query Deployments($input: DeploymentListInput!, $first: Int) {"
            + " deployments(input: $input, first: $first) { edges { node { id createdAt status meta } } } }";
    static final String CLI_REGIONS = "query Regions { regions { name region country location"
            + " deploymentConstraints { deprecationInfo { isDeprecated } } } }";
    static final String CLI_ENVIRONMENT_STAGED_CHANGES = "query EnvironmentStagedChanges($environmentId: String!,"
            + " $decryptVariables: Boolean) { environmentStagedChanges(environmentId: $environmentId) { id createdAt"
            + " updatedAt status lastAppliedError patch(decryptVariables: $decryptVariables) } }";
    static final String PROJECTS_BACKWARDS = "query ProjectsBackwards($last: Int, $before: String) {"
            + " projects(last: $last, before: $before) { edges { cursor node { name } }"
            + " pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";

    // ---- the official CLI's deployment, domain and volume documents (railwayapp/cli src/gql/
    // queries/strings and mutations/strings), written again here in the same shape ----

    /** Deployment.graphql / DeploymentStatus.graphql. */
    static final String CLI_DEPLOYMENT = "query Deployment($id: String!) { deployment(id: $id) { id status } }";
    /** LatestDeployment.graphql. */
    static final String CLI_LATEST_DEPLOYMENT = "query LatestDeployment($serviceId: String!, $environmentId: String!) {"
            + " serviceInstance(environmentId: $environmentId, serviceId: $serviceId) { latestDeployment { id status } } }";
    /** BuildLogs.graphql. */
    static final String CLI_BUILD_LOGS = "query BuildLogs($deploymentId: String!, $startDate: DateTime) {"
            + " buildLogs(deploymentId: $deploymentId, startDate: $startDate) { message timestamp } }";
    /** DeploymentLogs.graphql (limit 500 as the CLI asks). */
    static final String CLI_DEPLOYMENT_LOGS = "query DeploymentLogs($deploymentId: String!) {"
            + " deploymentLogs(deploymentId: $deploymentId, limit: 500) { message timestamp severity } }";
    /** Every field of Log, for the sandbox's own tests. */
    static final String LOGS_EVERY_FIELD = "query Logs($deploymentId: String!, $filter: String, $limit: Int,"
            + " $endDate: DateTime) { deploymentLogs(deploymentId: $deploymentId, filter: $filter, limit: $limit,"
            + " endDate: $endDate) { message timestamp severity attributes { key value } tags { deploymentId"
            + " deploymentInstanceId environmentId pluginId projectId serviceId snapshotId } } }";
    /** DeploymentRollback.graphql, DeploymentRemove.graphql, DeploymentRestart.graphql. */
    static final String CLI_DEPLOYMENT_ROLLBACK = "mutation DeploymentRollback($id: String!) { deploymentRollback(id: $id) }";
    static final String CLI_DEPLOYMENT_REMOVE = "mutation DeploymentRemove($id: String!) { deploymentRemove(id: $id) }";
    static final String CLI_DEPLOYMENT_RESTART = "mutation DeploymentRestart($id: String!) { deploymentRestart(id: $id) }";
    /** ServiceDomainCreate.graphql. */
    static final String CLI_SERVICE_DOMAIN_CREATE = "mutation ServiceDomainCreate($environmentId: String!,"
            + " $serviceId: String!, $targetPort: Int) { serviceDomainCreate(input: { environmentId: $environmentId,"
            + " serviceId: $serviceId, targetPort: $targetPort }) { id domain suffix environmentId serviceId targetPort"
            + " syncStatus createdAt updatedAt } }";
    /** CustomDomainCreate.graphql (its selection, DNS records and certificate status included). */
    static final String CLI_CUSTOM_DOMAIN_CREATE = "mutation CustomDomainCreate($input: CustomDomainCreateInput!) {"
            + " customDomainCreate(input: $input) { id domain createdAt updatedAt serviceId environmentId projectId"
            + " targetPort syncStatus status { dnsRecords { hostlabel fqdn recordType requiredValue currentValue status"
            + " zone purpose } cdnProvider certificates { issuedAt expiresAt domainNames fingerprintSha256 keyType }"
            + " certificateStatus certificateStatusDetailed certificateErrorMessage certificateErrorType"
            + " certificateRetryable verificationToken verificationDnsHost verified } } }";
    /** ServiceDomainDelete.graphql, CustomDomainDelete.graphql. */
    static final String CLI_SERVICE_DOMAIN_DELETE = "mutation ServiceDomainDelete($id: String!) { serviceDomainDelete(id: $id) }";
    static final String CLI_CUSTOM_DOMAIN_DELETE = "mutation CustomDomainDelete($id: String!) { customDomainDelete(id: $id) }";
    /** ServiceDomainUpdate (the schema's input; railwayapp/cli has no such document). */
    static final String SERVICE_DOMAIN_UPDATE = "mutation ServiceDomainUpdate($input: ServiceDomainUpdateInput!) {"
            + " serviceDomainUpdate(input: $input) }";
    /** CustomDomainUpdate (the schema's arguments). */
    static final String CUSTOM_DOMAIN_UPDATE = "mutation CustomDomainUpdate($environmentId: String!, $id: String!,"
            + " $targetPort: Int) { customDomainUpdate(environmentId: $environmentId, id: $id, targetPort: $targetPort) }";
    /** Domains.graphql. */
    static final String CLI_DOMAINS = "query Domains($environmentId: String!, $projectId: String!, $serviceId: String!) {"
            + " domains(environmentId: $environmentId, projectId: $projectId, serviceId: $serviceId) {"
            + " serviceDomains { id } customDomains { id } } }";
    /** VolumeCreate.graphql. */
    static final String CLI_VOLUME_CREATE = "mutation VolumeCreate($projectId: String!, $environmentId: String!,"
            + " $serviceId: String!, $mountPath: String!) { volumeCreate(input: { projectId: $projectId,"
            + " environmentId: $environmentId, serviceId: $serviceId, mountPath: $mountPath }) { id name } }";
    /** volumeCreate with every input field optional as the schema has them. */
    static final String VOLUME_CREATE = "mutation VolumeCreateAny($input: VolumeCreateInput!) {"
            + " volumeCreate(input: $input) { id name projectId createdAt } }";
    /** VolumeDelete.graphql, VolumeAttach.graphql, VolumeDetach.graphql. */
    static final String CLI_VOLUME_DELETE = "mutation VolumeDelete($id: String!) { volumeDelete(volumeId: $id) }";
    static final String CLI_VOLUME_ATTACH = "mutation VolumeAttach($environmentId: String!, $volumeId: String!,"
            + " $serviceId: String!) { volumeInstanceUpdate(input: { serviceId: $serviceId },"
            + " environmentId: $environmentId, volumeId: $volumeId) }";
    static final String CLI_VOLUME_DETACH = "mutation VolumeDetach($environmentId: String!, $volumeId: String!) {"
            + " volumeInstanceUpdate(input: { serviceId: null }, environmentId: $environmentId, volumeId: $volumeId) }";
    static final String VOLUME_UPDATE = "mutation VolumeUpdate($volumeId: String!, $name: String) {"
            + " volumeUpdate(volumeId: $volumeId, input: { name: $name }) { id name } }";
    static final String VOLUME_INSTANCES = "query VolumeInstances($id: String!) { environment(id: $id) {"
            + " volumeInstances { edges { node { volumeId serviceId mountPath sizeMB volume { name } } } } } }";
    static final String DEPLOYMENT_ACTIONS = "query DeploymentActions($id: String!) { deployment(id: $id) { id status"
            + " canRedeploy canRollback staticUrl url } }";
    static final String ENVIRONMENT_PATCHES = "query Patches($environmentId: String!, $first: Int, $last: Int,"
            + " $after: String, $before: String) { environmentPatches(environmentId: $environmentId, first: $first,"
            + " last: $last, after: $after, before: $before) { edges { cursor node { " + Parts.PATCH_FIELDS + " } }"
            + " pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";
    static final String ENVIRONMENT_PATCH = "query Patch($id: String!, $decrypt: Boolean) { environmentPatch(id: $id) {"
            + " " + Parts.PATCH_FIELDS + " patch(decryptVariables: $decrypt) } }";
}
