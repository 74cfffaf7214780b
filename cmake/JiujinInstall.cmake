# Where an installed Jiujin puts its files, and the Debian packages CPack makes of them
# (scripts/package; docs/installation.md). One component per package:
#
#   jiujin-common      the jiujin user, /etc/jiujin (sample hall), /var/lib/jiujin, profiles
#   jiujin-dispatcher  the dispatcher and its service, the daily backup timer
#   jiujin-devices     the RS-485 device gateway and its service
#   jiujin-kiosk       the resident's kiosk           ┐ with a systemd user unit each, for
#   jiujin-display     the hall screen and voice      │ the desktop session of the
#   jiujin-console     the clerk's console, monitor   ┘ computer they run on
#   jiujin-web         the residents' phone pages and their service
#   jiujin-tools       jiujinctl and the simulators
#
# Programs find their data from their own path (base/installed_data.hpp): /usr/bin/x reads
# /usr/share/jiujin. QML and translations are compiled into the programs.
include(GNUInstallDirs)

set(JIUJIN_PACKAGING_DIR ${PROJECT_SOURCE_DIR}/packaging)
set(JIUJIN_DATA_INSTALL_DIR ${CMAKE_INSTALL_DATADIR}/jiujin)
# systemd's folders on Debian 12 (systemd.pc: systemdsystemunitdir, systemduserunitdir).
set(JIUJIN_SYSTEM_UNIT_DIR lib/systemd/system)
set(JIUJIN_USER_UNIT_DIR lib/systemd/user)
set(JIUJIN_CONFIG_DIR /etc/jiujin)

# --- files --------------------------------------------------------------------------------
install(TARGETS jiujin-dispatcher RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT dispatcher)
install(FILES ${JIUJIN_PACKAGING_DIR}/systemd/jiujin-dispatcher.service
              ${JIUJIN_PACKAGING_DIR}/systemd/jiujin-backup.service
              ${JIUJIN_PACKAGING_DIR}/systemd/jiujin-backup.timer
        DESTINATION ${JIUJIN_SYSTEM_UNIT_DIR} COMPONENT dispatcher)

install(TARGETS jiujin-devices RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT devices)
install(FILES ${JIUJIN_PACKAGING_DIR}/systemd/jiujin-devices.service
        DESTINATION ${JIUJIN_SYSTEM_UNIT_DIR} COMPONENT devices)

install(TARGETS jiujin-web RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT web)
install(FILES ${JIUJIN_PACKAGING_DIR}/systemd/jiujin-web.service
        DESTINATION ${JIUJIN_SYSTEM_UNIT_DIR} COMPONENT web)

install(TARGETS jiujinctl jiujin-sim jiujin-bussim jiujin-printersim
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tools)

# The sample hall to start from: a village station (config/samples/village.toml), as
# /etc/jiujin/hall.toml beside the catalog and calendar it names. Conffiles: an edited hall
# file is never overwritten by an upgrade. Readable by root and the jiujin group only (the
# clerks' PIN hashes); common-postinst sets the group.
install(FILES ${PROJECT_SOURCE_DIR}/config/samples/village.toml RENAME hall.toml
        DESTINATION ${JIUJIN_CONFIG_DIR} COMPONENT common PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ)
install(FILES ${PROJECT_SOURCE_DIR}/config/samples/village-catalog.csv
              ${PROJECT_SOURCE_DIR}/config/samples/calendar-2026.toml
        DESTINATION ${JIUJIN_CONFIG_DIR} COMPONENT common PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ)
set(JIUJIN_CONFFILES ${JIUJIN_CONFIG_DIR}/hall.toml ${JIUJIN_CONFIG_DIR}/village-catalog.csv
                     ${JIUJIN_CONFIG_DIR}/calendar-2026.toml)
# The register-map profiles every device program reads, and the larger sample halls to copy
# from (their keys are demo keys: never installed).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/devices/profiles/ DESTINATION ${JIUJIN_DATA_INSTALL_DIR}/profiles
        COMPONENT common FILES_MATCHING PATTERN "*.toml")
install(FILES ${PROJECT_SOURCE_DIR}/config/samples/township.toml ${PROJECT_SOURCE_DIR}/config/samples/district.toml
              ${PROJECT_SOURCE_DIR}/config/samples/catalog.csv ${PROJECT_SOURCE_DIR}/config/samples/district-catalog.csv
              ${PROJECT_SOURCE_DIR}/config/samples/village.toml ${PROJECT_SOURCE_DIR}/config/samples/village-catalog.csv
              ${PROJECT_SOURCE_DIR}/config/samples/calendar-2026.toml
              ${PROJECT_SOURCE_DIR}/config/samples/qingshan.toml ${PROJECT_SOURCE_DIR}/config/samples/qingshan-catalog.csv
        DESTINATION ${JIUJIN_DATA_INSTALL_DIR}/samples COMPONENT common)
install(FILES ${PROJECT_SOURCE_DIR}/docs/installation.md ${PROJECT_SOURCE_DIR}/docs/configuration.md
              ${PROJECT_SOURCE_DIR}/docs/zh/运维指南.md
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/jiujin-common COMPONENT common)

if(JIUJIN_BUILD_UI)
  install(TARGETS jiujin-kiosk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT kiosk)
  install(FILES ${JIUJIN_PACKAGING_DIR}/systemd/user/jiujin-kiosk.service
          DESTINATION ${JIUJIN_USER_UNIT_DIR} COMPONENT kiosk)
  install(TARGETS jiujin-display jiujin-voice-segments RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT display)
  install(FILES ${JIUJIN_PACKAGING_DIR}/systemd/user/jiujin-display.service
          DESTINATION ${JIUJIN_USER_UNIT_DIR} COMPONENT display)
  install(TARGETS jiujin-console RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT console)
  install(FILES ${JIUJIN_PACKAGING_DIR}/systemd/user/jiujin-console@.service
                ${JIUJIN_PACKAGING_DIR}/systemd/user/jiujin-monitor.service
          DESTINATION ${JIUJIN_USER_UNIT_DIR} COMPONENT console)
endif()

# --- maintainer scripts -------------------------------------------------------------------
set(JIUJIN_CONTROL_DIR ${PROJECT_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${JIUJIN_CONTROL_DIR}/common)
configure_file(${JIUJIN_PACKAGING_DIR}/debian/common-postinst ${JIUJIN_CONTROL_DIR}/common/postinst COPYONLY
               FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
configure_file(${JIUJIN_PACKAGING_DIR}/debian/common-postrm ${JIUJIN_CONTROL_DIR}/common/postrm COPYONLY
               FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
list(JOIN JIUJIN_CONFFILES "\n" conffiles)
file(WRITE ${JIUJIN_CONTROL_DIR}/common/conffiles "${conffiles}\n")

# jiujin_service_scripts(<component> <package> <main unit> <units…>): postinst, prerm and
# postrm that enable, stop and disable the package's system units.
function(jiujin_service_scripts component package main_unit)
  set(PACKAGE ${package})
  set(MAIN_UNIT ${main_unit})
  list(JOIN ARGN " " UNITS)
  foreach(script postinst prerm postrm)
    configure_file(${JIUJIN_PACKAGING_DIR}/debian/service-${script}.in ${JIUJIN_CONTROL_DIR}/${component}/${script} @ONLY
                   FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
  endforeach()
endfunction()
jiujin_service_scripts(dispatcher jiujin-dispatcher jiujin-dispatcher.service jiujin-dispatcher.service jiujin-backup.timer)
jiujin_service_scripts(devices jiujin-devices jiujin-devices.service jiujin-devices.service)
jiujin_service_scripts(web jiujin-web jiujin-web.service jiujin-web.service)

# --- packages -----------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME jiujin)
set(CPACK_PACKAGE_VENDOR "Jiujin")
set(CPACK_PACKAGE_CONTACT "Jiujin maintainers <jiujin@localhost>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
# Depends on the Debian 12 libraries the programs link, as dpkg-shlibdeps reads them.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)  # fast to make; the packages are small
# The packages carry stripped programs; the build tree keeps the debug information.
set(CPACK_STRIP_FILES ON)

set(CPACK_COMPONENTS_ALL common dispatcher devices web tools)
if(JIUJIN_BUILD_UI)
  list(APPEND CPACK_COMPONENTS_ALL kiosk display console)
endif()

set(CPACK_DEBIAN_COMMON_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_COMMON_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_COMMON_DESCRIPTION "Jiujin queue management: the jiujin user, the sample hall in /etc/jiujin and the device profiles")
set(CPACK_DEBIAN_COMMON_PACKAGE_CONTROL_EXTRA
    "${JIUJIN_CONTROL_DIR}/common/postinst;${JIUJIN_CONTROL_DIR}/common/postrm;${JIUJIN_CONTROL_DIR}/common/conffiles")

foreach(component dispatcher devices web)
  string(TOUPPER ${component} c)
  set(CPACK_DEBIAN_${c}_PACKAGE_CONTROL_EXTRA
      "${JIUJIN_CONTROL_DIR}/${component}/postinst;${JIUJIN_CONTROL_DIR}/${component}/prerm;${JIUJIN_CONTROL_DIR}/${component}/postrm")
endforeach()

set(CPACK_COMPONENT_DISPATCHER_DESCRIPTION "Jiujin dispatcher: the hall's queues and windows, as a systemd service")
set(CPACK_COMPONENT_DEVICES_DESCRIPTION "Jiujin device gateway: RS-485 window displays, caller keypads and evaluation pads")
set(CPACK_COMPONENT_WEB_DESCRIPTION "Jiujin phone pages: residents follow their ticket and read the item guide, as a systemd service")
set(CPACK_COMPONENT_TOOLS_DESCRIPTION "Jiujin tools: jiujinctl (commands, health, backup, restore) and the simulators")
set(CPACK_COMPONENT_KIOSK_DESCRIPTION "Jiujin kiosk: residents take tickets on a touch screen and get them printed")
set(CPACK_COMPONENT_DISPLAY_DESCRIPTION "Jiujin hall display: the calls, every window and the voice announcements")
set(CPACK_COMPONENT_CONSOLE_DESCRIPTION "Jiujin console: the clerk's window console and the manager's monitor")
set(CPACK_COMPONENT_COMMON_DESCRIPTION "Jiujin common files")
foreach(component dispatcher devices web tools kiosk display console)
  string(TOUPPER ${component} c)
  set(CPACK_COMPONENT_${c}_DEPENDS common)
endforeach()
# The daily backup timer runs jiujinctl.
set(CPACK_COMPONENT_DISPATCHER_DEPENDS common tools)
# What the programs need at run time that they do not link: the QML modules their screens
# import, Qt's window-system plugins, a Chinese font, the voice's recorder and player.
set(jiujin_qml_runtime "qml6-module-qtquick, qml6-module-qtqml-workerscript, qml6-module-qtquick-templates, qml6-module-qtquick-window, qml6-module-qtquick-layouts, qml6-module-qtquick-controls, qt6-qpa-plugins, fonts-wqy-microhei | fonts-noto-cjk")
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS "${jiujin_qml_runtime}")
set(CPACK_DEBIAN_CONSOLE_PACKAGE_DEPENDS "${jiujin_qml_runtime}, qml6-module-qtcharts")
set(CPACK_DEBIAN_DISPLAY_PACKAGE_DEPENDS
    "${jiujin_qml_runtime}, espeak-ng, gstreamer1.0-plugins-base, gstreamer1.0-plugins-good")

include(CPack)
