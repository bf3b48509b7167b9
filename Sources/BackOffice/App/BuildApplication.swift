import Campaigns
import Composition
import Foundation
import Honours
import Hummingbird
import Logging
import Messaging
import Recognition
import Store
import Vietnamese

/// The one seam the executable and the tests call: the whole back office over one database.
package func buildApplication(_ configuration: AppConfiguration, database: AppDatabase,
                             logger: Logger = Logger(label: "densach")) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(configuration, database: database)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "DenSach"),
        logger: logger)
}

/// The router alone, so tests can list its routes (the OpenAPI document is checked against them).
package func buildRouter(_ configuration: AppConfiguration, database: AppDatabase) async throws -> Router<AppRequestContext> {
    let views = try await Views(configuration: configuration)
    // A broken message template stops the server at start, naming its file and line.
    _ = try MessageTemplates(directory: configuration.templatesDirectory + "/messages")
    _ = try ObservanceCatalogue(path: configuration.campaignsDirectory + "/observances.yaml")
    let honourForms = try HonourForms(path: configuration.campaignsDirectory + "/honours.yaml")
    let criteriaSets = try CriteriaSets(directory: configuration.campaignsDirectory + "/criteria")
    let programme = try Programme(path: configuration.campaignsDirectory + "/programme.yaml")
    let settings = try await SettingsCache(database: database)
    let passwords = Passwords(cost: configuration.bcryptCost)
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: CompressionMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    let loginTokens = LoginFormToken()
    router.add(middleware: SessionMiddleware(database: database, settings: settings, views: views, loginTokens: loginTokens))
    let routeTable = RouteTable()
    router.add(middleware: ErrorMiddleware(views: views, routes: routeTable))
    // Serves a file when no route answered (it reacts to the 404 thrown below it), hence inside ErrorMiddleware.
    router.add(middleware: FileMiddleware(configuration.staticDirectory, urlBasePath: "/static",
                                          cacheControl: .init([(.text, [.maxAge(3600)]), (.image, [.maxAge(86400)])])))

    let documents = try DocumentTemplates(directory: configuration.templatesDirectory + "/documents")
    let environment = ControllerEnvironment(database: database, views: views, settings: settings, passwords: passwords,
                                            configuration: configuration, honourForms: honourForms, documents: documents,
                                            criteriaSets: criteriaSets, programme: programme, loginTokens: loginTokens)
    HealthController(database: database).addRoutes(to: router)
    OpenAPIController(webDirectory: configuration.webDirectory).addRoutes(to: router)
    LoginController(env: environment).addRoutes(to: router)
    ICalendarController(database: database).addRoutes(to: router)
    HonourRollController(env: environment).addRoutes(to: router)  // the honour roll is public
    VolunteerSelfController(env: environment).addRoutes(to: router)  // a volunteer's own page: opened by its link
    PublicSignUpController(env: environment).addRoutes(to: router)  // public sign-up pages: no account

    let pages = router.group().add(middleware: RequireSignIn()).group(context: SignedInContext.self)
    DashboardController(env: environment).addRoutes(to: pages)
    OwnPasswordController(env: environment).addRoutes(to: pages)
    UnitsController(env: environment).addRoutes(to: pages)
    ImportController(env: environment).addRoutes(to: pages)
    PeopleController(env: environment).addRoutes(to: pages)
    HouseholdsController(env: environment).addRoutes(to: pages)
    AccountsController(env: environment).addRoutes(to: pages)
    AuditController(env: environment).addRoutes(to: pages)
    SettingsController(env: environment).addRoutes(to: pages)
    MessagesController(env: environment).addRoutes(to: pages)
    CalendarController(env: environment).addRoutes(to: pages)
    ActivitiesController(env: environment).addRoutes(to: pages)
    ActivityAttendanceController(env: environment).addRoutes(to: pages)
    CampaignsController(env: environment).addRoutes(to: pages)
    ClubIndicatorController(env: environment).addRoutes(to: pages)
    ClubSessionsController(env: environment).addRoutes(to: pages)
    ClubsController(env: environment).addRoutes(to: pages)
    SocializationController(env: environment).addRoutes(to: pages)
    SponsorsController(env: environment).addRoutes(to: pages)
    DonationsController(env: environment).addRoutes(to: pages)
    PledgesController(env: environment).addRoutes(to: pages)
    VolunteersController(env: environment).addRoutes(to: pages)
    NominationsController(env: environment).addRoutes(to: pages)
    DecisionsController(env: environment).addRoutes(to: pages)
    HonoursRegisterController(env: environment).addRoutes(to: pages)
    RecognitionController(env: environment).addRoutes(to: pages)
    IndicatorsController(env: environment).addRoutes(to: pages)
    AnnualReportController(env: environment).addRoutes(to: pages)
    TrainingController(env: environment).addRoutes(to: pages)
    DuplicatesController(env: environment).addRoutes(to: pages)
    SignUpsController(env: environment).addRoutes(to: pages)
    OrganisationMembersController(env: environment).addRoutes(to: pages)

    let api = router.group("api/v1").add(middleware: RequireSignIn()).group(context: SignedInContext.self)
    UnitsAPI(database: database).addRoutes(to: api)
    PeopleAPI(database: database).addRoutes(to: api)
    ClubsAPI(database: database, clock: configuration.clock).addRoutes(to: api)
    ObservancesAPI(env: environment).addRoutes(to: api)
    CampaignsAPI(env: environment).addRoutes(to: api)
    SocializationAPI(database: database, clock: configuration.clock).addRoutes(to: api)
    HonoursAPI(database: database, forms: honourForms).addRoutes(to: api)
    RecognitionAPI(env: environment).addRoutes(to: api)
    TrainingAPI(env: environment).addRoutes(to: api)
    OrganisationsAPI(database: database, clock: configuration.clock).addRoutes(to: api)
    AttendanceAPI(database: database, clock: configuration.clock).addRoutes(to: api)
    routeTable.fill(router.routes)
    return router
}

/// What every controller needs.
struct ControllerEnvironment: Sendable {
    let database: AppDatabase
    let views: Views
    let settings: SettingsCache
    let passwords: Passwords
    let configuration: AppConfiguration
    let honourForms: HonourForms
    let documents: DocumentTemplates
    let criteriaSets: CriteriaSets
    let programme: Programme
    let loginTokens: LoginFormToken
    let pageCache = PageCache()
    var clock: WallClock { configuration.clock }
}
