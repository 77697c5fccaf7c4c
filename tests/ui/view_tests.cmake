# View-model tests of the lead's panels: no window, no display.
add_executable(test_ui_views test_markdown.cpp test_code_model.cpp test_loop_model.cpp test_settings.cpp
  test_session.cpp test_catalog.cpp test_pixel_region.cpp test_frame_hash.cpp test_frame_source.cpp)
target_link_libraries(test_ui_views PRIVATE loopscope_ui GTest::gtest_main)
target_compile_definitions(test_ui_views PRIVATE LOOPSCOPE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
gtest_discover_tests(test_ui_views DISCOVERY_TIMEOUT 60)
