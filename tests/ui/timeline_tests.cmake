# timeline_tests.cmake — the timeline and console view-model tests (included by
# tests/ui/CMakeLists.txt). They need no display: the models have no ImGui.
add_executable(test_ui_timeline
  ${CMAKE_CURRENT_LIST_DIR}/test_timeline_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_console_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_trace_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_wake_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_task_labels.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_theme.cpp)
target_include_directories(test_ui_timeline PRIVATE ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(test_ui_timeline PRIVATE loopscope_ui GTest::gtest_main)
gtest_discover_tests(test_ui_timeline DISCOVERY_TIMEOUT 60)
