package dev.tlctl.sandbox;

/**
 * Every GraphQL document the sandbox tests send. The conformance test validates each one against
 * Railway's full schema, so the tests speak the real API, not just the sandbox's.
 */
final class Docs {
    private Docs() {}

    static final String ME = "query Me { me { id name email username createdAt workspaces { id name plan } } }";
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
}
